using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration;

public class HealthTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_Anonymous_Ok()
    {
        using var client = AnonymousClient();

        var body = await client.GetStringAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal("Healthy", body);
    }
}
