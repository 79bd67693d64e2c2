using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>An ask in a real browser: the owner asks, sends a request to a connection, who forwards it to a candidate.</summary>
public class AskTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task Ask_RequestToConnection_ForwardedToCandidate()
    {
        var skill = "Cooperage " + Guid.NewGuid().ToString("N")[..6];
        var owner = await App.RegisterMemberAsync("Olivia Asks", Cancellation);
        var paul = await App.RegisterMemberAsync("Paul Knows", Cancellation);
        var jeanne = await App.RegisterMemberAsync("Jeanne Cooper", Cancellation);
        await jeanne.SetSkillsAsync([skill], Cancellation);
        await App.ConnectAsync(owner, paul, Cancellation);
        await App.ConnectAsync(paul, jeanne, Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        // Olivia describes her need and sees Paul's group.
        await SignInAsync(Page, owner);
        await Page.GotoAsync("/asks");
        await Page.FillAsync("[name='Input.Text']", "Someone who builds oak barrels");
        await Page.FillAsync("[name='Input.Skills']", skill);
        await Page.ClickAsync("main form button[type=submit]");
        await Page.GetByText("Paul Knows can introduce you to 1 person").WaitForAsync();
        Assert.Contains("Jeanne Cooper", await Page.InnerTextAsync(".ask-group"), StringComparison.Ordinal);
        await Page.FillAsync(".ask-group textarea[name='note']", "Do you know her well?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask Paul Knows" }).ClickAsync();
        await Page.GetByText("Your request has been sent to Paul Knows.").WaitForAsync();
        Assert.Contains("Waiting for an answer", await Page.InnerTextAsync("main"), StringComparison.Ordinal);
        var askUrl = Page.Url;

        // Paul opens his asks, sees Olivia's need and Jeanne, and forwards it.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, paul);
            await page.GotoAsync("/asks/requests");
            var request = await page.InnerTextAsync("section.ask-request");
            Assert.Contains("Olivia Asks asks: do you know someone?", request, StringComparison.Ordinal);
            Assert.Contains("Someone who builds oak barrels", request, StringComparison.Ordinal);
            Assert.Contains("Do you know her well?", request, StringComparison.Ordinal);
            Assert.Contains("Jeanne Cooper", request, StringComparison.Ordinal);
            await page.FillAsync("section.ask-request form[action*='Forward'] textarea[name='note']", "Jeanne made our barrels.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Forward", Exact = true }).ClickAsync();
            await page.GetByText("You forwarded the ask of Olivia Asks to Jeanne Cooper.").WaitForAsync();
            Assert.Equal("forwarded", await page.GetAttributeAsync("section.ask-request", "data-status"));
        }

        // Olivia sees the answer.
        await Page.GotoAsync(askUrl);
        var answered = await Page.InnerTextAsync("main");
        Assert.Contains("Paul Knows forwarded your ask to Jeanne Cooper.", answered, StringComparison.Ordinal);
        Assert.Contains("Jeanne made our barrels.", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationPage_PeopleYouKnow_ShowsIntermediaryAndIntroductionLink()
    {
        var organization = MemberActions.UniqueName("Tonnellerie");
        var viewer = await App.RegisterMemberAsync("Vic Page", Cancellation);
        var marie = await App.RegisterMemberAsync("Marie Page", Cancellation);
        var paul = await App.RegisterMemberAsync("Paul Page", Cancellation);
        var position = await paul.AddPositionAsync(organization, "Cooper", "2018-01", cancellationToken: Cancellation);
        await marie.AddPositionAsync(organization, "Cooper", "2018-01", "2021-06", Cancellation);
        var slug = position.GetProperty("organization").GetProperty("slug").GetString()!;
        await App.ConnectAsync(viewer, marie, Cancellation);
        await App.ConnectAsync(marie, paul, Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        await SignInAsync(Page, viewer);
        await Page.GotoAsync($"/organizations/{slug}");

        var section = await Page.InnerTextAsync("#people-you-know");
        Assert.Contains("Paul Page", section, StringComparison.Ordinal);
        Assert.Contains($"worked with Paul Page at {organization}, 2018 – 2021", section, StringComparison.Ordinal);
        Assert.Equal(1, await Page.Locator($"#people-you-know a[href='/in/{paul.Handle}/introduce?through={marie.Handle}']").CountAsync());
        await Page.ClickAsync("#people-you-know details summary");
        Assert.Contains("Marie Page", await Page.InnerTextAsync("#people-you-know details"), StringComparison.Ordinal);
    }
}
