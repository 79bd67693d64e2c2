using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// Live messaging between two browser contexts: both open the conversation, A sends, B sees it appear without reloading;
/// on another page, B's nav shows the unread count as it changes. And the plain path: compose from a profile.
/// </summary>
public class MessagingTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task Send_OtherContextSeesItLive_AndTheNavCountUpdates()
    {
        var ada = await App.RegisterMemberAsync("Ada Live", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Live", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);
        var id = await ada.WriteToAsync([bruno], "Hello Bruno", cancellationToken: Cancellation);

        await SignInAsync(Page, ada);
        await Page.GotoAsync($"/messages/{id}");
        await Page.Locator("#conversation[data-connected='true']").WaitForAsync();

        await using var brunoContext = await _browser.NewContextAsync(App.BaseAddress);
        var brunoPage = await brunoContext.NewPageAsync();
        await SignInAsync(brunoPage, bruno);
        await brunoPage.GotoAsync($"/messages/{id}");
        await brunoPage.Locator("#conversation[data-connected='true']").WaitForAsync();
        Assert.Contains("Hello Bruno", await brunoPage.InnerTextAsync("#messages"), StringComparison.Ordinal);
        // A mark that a reload would wipe out.
        await brunoPage.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await Page.FillAsync("[name='Input.Body']", "Are you free for lunch?");
        await Page.ClickAsync("#reply-form button[type=submit]");

        await brunoPage.Locator("#messages", new() { HasText = "Are you free for lunch?" }).WaitForAsync();
        Assert.True(await brunoPage.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        // Ada's page showed her own message without a reload either, and her form is ready for the next one.
        await Page.Locator("#messages .message-mine", new() { HasText = "Are you free for lunch?" }).WaitForAsync();
        Assert.Equal("", await Page.InputValueAsync("[name='Input.Body']"));
        Assert.Equal(1, await brunoPage.Locator("#messages li", new() { HasText = "Are you free for lunch?" }).CountAsync());

        // Seen live on an open page counts as read (the script says so to the API): wait for that before leaving.
        for (var tries = 0; await bruno.UnreadAsync(Cancellation) != (0, 0); tries++)
        {
            Assert.True(tries < 100, "The live message was never marked read.");
            await Task.Delay(100, Cancellation);
        }

        // Bruno goes elsewhere; Ada writes again; the nav count appears, then goes once he reads it.
        await brunoPage.GotoAsync("/network");
        await brunoPage.Locator("html[data-messaging='live']").WaitForAsync();
        Assert.True(await brunoPage.Locator("[data-unread-messages]").IsHiddenAsync());
        // The test clock stands still: move it, so that the new message is later than Bruno's last read.
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await ada.ReplyAsync(id, "Say 12:30?", Cancellation);
        var badge = brunoPage.Locator("[data-unread-messages]");
        await badge.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("1", (await brunoPage.InnerTextAsync("[data-unread-messages] [data-count]")).Trim());

        await brunoPage.ClickAsync("header a[href='/messages']");
        await brunoPage.Locator("main .conversation-unread", new() { HasText = "Say 12:30?" }).WaitForAsync();
        await brunoPage.ClickAsync($"main a[href='/messages/{id}']");
        await brunoPage.Locator("#messages", new() { HasText = "Say 12:30?" }).WaitForAsync();
        await badge.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task Compose_FromAProfile_WithoutScript_PostAndRedirect()
    {
        var ada = await App.RegisterMemberAsync("Ada Plain", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Plain", Cancellation);
        var carla = await App.RegisterMemberAsync("Carla Stranger", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);

        await using var context = await _browser.NewContextAsync(App.BaseAddress);
        await context.RouteAsync("**/*.js*", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        await SignInAsync(page, ada);

        await page.GotoAsync($"/in/{carla.Handle}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Message", Exact = true }).ClickAsync();
        Assert.Contains("You cannot write to Carla Stranger yet.", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync($"/in/{bruno.Handle}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Message", Exact = true }).ClickAsync();
        await page.FillAsync("[name='Input.Body']", "Plain and simple");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/messages/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal));
        await page.Locator("#messages", new() { HasText = "Plain and simple" }).WaitForAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Refresh for new messages" }).CountAsync());

        await page.FillAsync("[name='Input.Body']", "   ");
        await page.ClickAsync("#reply-form button[type=submit]");
        Assert.Contains("This field is required.", await page.InnerTextAsync("main .error-summary"), StringComparison.Ordinal);
        await page.FillAsync("[name='Input.Body']", "Second, by form");
        await page.ClickAsync("#reply-form button[type=submit]");
        await page.Locator("#messages", new() { HasText = "Second, by form" }).WaitForAsync();
    }
}
