using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Browser;

public class HealthPageTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task Health_InBrowser_ShowsOk()
    {
        var response = await Page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET /health answered {response.Status}");
        Assert.Equal("Healthy", (await Page.InnerTextAsync("body")).Trim());
    }
}
