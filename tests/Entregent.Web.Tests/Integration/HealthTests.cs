using System.Net;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration;

public class HealthTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_Anonymous_OkAndHealthy()
    {
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The store check runs: "Healthy" means the database answered.
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
