using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// The whole introduction in a browser: A asks B (from C's profile) for an introduction to C, B forwards with a note,
/// C accepts; all three see it accepted and the conversation; A replies and C reads it.
/// </summary>
public class IntroductionTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task AskForwardAccept_ThroughPages_AllThreeSeeTheConversation()
    {
        var ada = await App.RegisterMemberAsync("Ada Intro", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Intro", Cancellation);
        var chloe = await App.RegisterMemberAsync("Chloé Intro", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);
        await ConnectThroughApiAsync(bruno, chloe);

        // Ada opens Chloé's profile and asks Bruno (proposed and preselected) to introduce her.
        await SignInAsync(Page, ada);
        await Page.GotoAsync($"/in/{chloe.Handle}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ask for an introduction" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/introduce", StringComparison.Ordinal));
        Assert.True(await Page.IsCheckedAsync($"input[name='Input.Through'][value='{bruno.Handle}']"));
        Assert.Contains("Bruno Intro", await Page.InnerTextAsync("main .reasons"), StringComparison.Ordinal);
        await Page.FillAsync("[name='Input.Message']", "Chloé, I would love your view on graph search.");
        await Page.ClickAsync("main form button[type=submit]");
        await Page.WaitForURLAsync(url => url.Contains("/introductions/", StringComparison.Ordinal));
        Assert.Contains("Your request was sent to Bruno Intro.", await Page.InnerTextAsync("main"), StringComparison.Ordinal);
        var introduction = new Uri(Page.Url).AbsolutePath;

        // Bruno finds it under "To act on" and forwards it with a note.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, bruno);
            await page.GotoAsync("/network");
            Assert.Contains("1", await page.InnerTextAsync("main a[href='/introductions'] .nav-count"), StringComparison.Ordinal);
            await page.ClickAsync("main a[href='/introductions']");
            Assert.Contains("Ada Intro would like to meet Chloé Intro", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await page.ClickAsync($"main a[href='{introduction}']");
            await page.FillAsync("#forward-note", "Chloé, Ada is the person I told you about.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Forward" }).ClickAsync();
            await page.GetByText("Forwarded. Thank you!").WaitForAsync();
        }

        // Chloé accepts.
        var chloePage = await (await _browser.NewContextAsync(App.BaseAddress)).NewPageAsync();
        await SignInAsync(chloePage, chloe);
        await chloePage.GotoAsync("/introductions");
        await chloePage.ClickAsync($"main a[href='{introduction}']");
        Assert.Contains("Chloé, Ada is the person I told you about.", await chloePage.InnerTextAsync("main"), StringComparison.Ordinal);
        await chloePage.GetByRole(AriaRole.Button, new() { Name = "Accept the introduction" }).ClickAsync();
        await chloePage.GetByText("Introduction accepted: a conversation is open.").WaitForAsync();

        // Everyone sees it accepted, with the conversation holding the request and the note.
        await Page.GotoAsync(introduction);
        Assert.Equal("Accepted", (await Page.InnerTextAsync("#introduction-status")).Trim());
        Assert.Equal(1, await Page.GetByRole(AriaRole.Button, new() { Name = "Connect with Chloé Intro" }).CountAsync());
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, bruno);
            await page.GotoAsync(introduction);
            Assert.Equal("Accepted", (await page.InnerTextAsync("#introduction-status")).Trim());
            await page.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" }).ClickAsync();
            var thread = await page.InnerTextAsync("main .messages");
            Assert.Contains("Chloé, I would love your view on graph search.", thread, StringComparison.Ordinal);
            Assert.Contains("Chloé, Ada is the person I told you about.", thread, StringComparison.Ordinal);
        }
        await chloePage.GotoAsync(introduction);
        Assert.Equal("Accepted", (await chloePage.InnerTextAsync("#introduction-status")).Trim());

        // Ada replies in the thread; Chloé reads it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" }).ClickAsync();
        Assert.Contains("Chloé, Ada is the person I told you about.", await Page.InnerTextAsync("main .messages"), StringComparison.Ordinal);
        await Page.FillAsync("[name='Input.Body']", "Thank you both! Coffee on Tuesday?");
        await Page.ClickAsync("main form button[type=submit]");
        await Page.Locator("main .messages", new() { HasText = "Coffee on Tuesday?" }).WaitForAsync();
        await chloePage.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" }).ClickAsync();
        Assert.Contains("Thank you both! Coffee on Tuesday?", await chloePage.InnerTextAsync("main .messages"), StringComparison.Ordinal);
        await chloePage.Context.CloseAsync();
    }
}
