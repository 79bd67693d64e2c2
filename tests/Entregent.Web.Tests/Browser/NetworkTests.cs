using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// The network in a real browser: inviting and accepting through the pages, what a 2nd-degree member then sees on a
/// profile, dismissing a suggestion, and blocking.
/// </summary>
public class NetworkTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task InviteAndAccept_ThroughPages_SecondDegreeSeesMutualAndPath()
    {
        var ada = await App.RegisterMemberAsync("Ada Invite", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Invite", Cancellation);
        var chloe = await App.RegisterMemberAsync("Chloé Invite", Cancellation);

        // Ada opens Bruno's profile and invites him with a note.
        await SignInAsync(Page, ada);
        await Page.GotoAsync($"/in/{bruno.Handle}");
        await Page.ClickAsync("details.connect summary");
        await Page.SelectOptionAsync("[name='Input.Context']", "Event");
        await Page.FillAsync("[name='Input.Note']", "We met at the Lyon data meetup.");
        await Page.ClickAsync("details.connect button[type=submit]");
        await Page.Locator(".profile-actions .badge", new() { HasText = "Pending" }).WaitForAsync();
        Assert.Contains("Invitation sent to Bruno Invite.", await Page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Bruno sees it in My network, with the note and how they know each other, and accepts.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, bruno);
            Assert.Contains("1", await page.InnerTextAsync("a[href='/network'] .nav-count"), StringComparison.Ordinal);
            await page.GotoAsync("/network");
            var received = await page.InnerTextAsync("main");
            Assert.Contains("Ada Invite", received, StringComparison.Ordinal);
            Assert.Contains("We met at the Lyon data meetup.", received, StringComparison.Ordinal);
            Assert.Contains("Met at an event", received, StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation from Ada Invite" }).ClickAsync();
            await page.GetByText("You are now connected with Ada Invite.").WaitForAsync();
            await page.GotoAsync("/network/connections");
            Assert.Contains("Ada Invite", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        }

        // Chloé is connected to Bruno (through the API) and opens Ada's profile: 2nd degree, through Bruno.
        await ConnectThroughApiAsync(chloe, bruno);
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, chloe);
            await page.GotoAsync($"/in/{ada.Handle}");
            Assert.Equal("2nd", (await page.InnerTextAsync("#profile-name .degree")).Trim());
            Assert.Equal("1 mutual connection", (await page.InnerTextAsync($"a[href='/in/{ada.Handle}/mutual']")).Trim());
            var paths = await page.InnerTextAsync("section[aria-labelledby='connected-title']");
            Assert.Contains("How you're connected", paths, StringComparison.Ordinal);
            Assert.Contains("Bruno Invite", paths, StringComparison.Ordinal);

            await page.ClickAsync($"a[href='/in/{ada.Handle}/mutual']");
            await page.WaitForURLAsync(url => url.EndsWith("/mutual", StringComparison.Ordinal));
            Assert.Contains("Bruno Invite", await page.InnerTextAsync("main .people"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DismissSuggestion_FromMyNetwork_IsNotSuggestedAgain()
    {
        var ada = await App.RegisterMemberAsync("Ada Suggest", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Suggest", Cancellation);
        var chloe = await App.RegisterMemberAsync("Chloé Suggest", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);
        await ConnectThroughApiAsync(bruno, chloe);

        await SignInAsync(Page, ada);
        await Page.GotoAsync("/network/suggestions");
        var before = await Page.InnerTextAsync("main");
        Assert.Contains("Chloé Suggest", before, StringComparison.Ordinal);
        Assert.Contains("1 mutual connection", before, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Dismiss Chloé Suggest" }).ClickAsync();
        await Page.GetByText("Chloé Suggest will not be suggested again.").WaitForAsync();
        Assert.Equal(0, await Page.Locator("main .people").GetByText("Chloé Suggest").CountAsync());

        await Page.ReloadAsync();
        Assert.DoesNotContain("Chloé Suggest", await Page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_FromProfile_ProfileAnswersNotFound()
    {
        var ada = await App.RegisterMemberAsync("Ada Block", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Block", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);

        await SignInAsync(Page, ada);
        await Page.GotoAsync($"/in/{bruno.Handle}");
        Assert.Equal("1st", (await Page.InnerTextAsync("#profile-name .degree")).Trim());
        await Page.ClickAsync("text=Block…");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Block Bruno Block" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/network/blocked", StringComparison.Ordinal));
        Assert.Contains("Bruno Block", await Page.InnerTextAsync("main .people"), StringComparison.Ordinal);

        var response = await Page.GotoAsync($"/in/{bruno.Handle}");
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.Contains("Page not found", await Page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Bruno no longer sees Ada either.
        await using var context = await _browser.NewContextAsync(App.BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, bruno);
        var theirs = await page.GotoAsync($"/in/{ada.Handle}");
        Assert.NotNull(theirs);
        Assert.Equal(404, theirs.Status);
    }
}
