using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// "Still at Acme?" in a browser: Bruno asks Ada from her profile; Ada sees it in her notifications, confirms her
/// experience as is on /me, and the flag is gone.
/// </summary>
public class DetailsFlagTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task StillAtAcme_AskedNotifiedConfirmed_FlagGone()
    {
        var ada = await App.RegisterMemberAsync("Ada Flag", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Flag", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);
        var acme = "Acme " + MemberActions.UniqueName("Browser");
        await ada.AddPositionAsync(acme, "Engineer", App.MonthsAgo(24), cancellationToken: Cancellation);

        // Bruno asks from Ada's profile.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, bruno);
            await page.GotoAsync($"/in/{ada.Handle}");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Still at {acme}? Ask to confirm" }).ClickAsync();
            await page.GetByText("Asked: they are notified").WaitForAsync();
        }

        // Ada sees it in her notification centre, with the unread badge.
        await SignInAsync(Page, ada);
        await Page.GotoAsync("/notifications");
        // Two unread: Bruno accepting her invitation, and his question.
        Assert.Contains("2", await Page.InnerTextAsync("[data-unread-notifications]"), StringComparison.Ordinal);
        var item = Page.Locator("li.notification-unread").Filter(new() { HasText = "still Engineer" });
        Assert.Contains($"still Engineer at {acme}?", await item.InnerTextAsync(), StringComparison.Ordinal);
        await item.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/me");

        // On /me she confirms as is; the flag disappears.
        var flags = Page.Locator("#flags");
        Assert.Contains("Bruno Flag", await flags.InnerTextAsync(), StringComparison.Ordinal);
        await flags.GetByRole(AriaRole.Button, new() { Name = "Confirm as is" }).ClickAsync();
        await Page.GetByText("Confirmed: your connections see it is up to date.").WaitForAsync();
        Assert.Equal(0, await Page.Locator("#flags").CountAsync());
        await Page.GotoAsync("/notifications?unread=true");
        Assert.DoesNotContain("still Engineer", await Page.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
