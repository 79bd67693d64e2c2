using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// A private group through the pages: a member creates it, another asks to join from its About page, the owner approves
/// on the requests page, and the second member finds it among their groups.
/// </summary>
public class GroupTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task PrivateGroup_RequestApprovedOnRequestsPage_MemberSeesItInGroups()
    {
        var olga = await App.RegisterMemberAsync("Olga Browser", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Browser", Cancellation);
        var name = "Graph readers " + Guid.NewGuid().ToString("N")[..6];

        // Olga creates a private group.
        await SignInAsync(Page, olga);
        await Page.GotoAsync("/groups");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create a group" }).ClickAsync();
        await Page.FillAsync("[name='Input.Name']", name);
        await Page.FillAsync("[name='Input.Description']", "We read papers about **graphs**.");
        await Page.CheckAsync("#kind-Private");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/about", StringComparison.Ordinal));
        Assert.Equal(name, (await Page.InnerTextAsync("#group-name")).Trim());
        Assert.Contains("Private group", await Page.InnerTextAsync("main .group-header"), StringComparison.Ordinal);
        var about = new Uri(Page.Url).AbsolutePath;
        var slug = about.Split('/')[2];

        // Bruno finds it by name and asks to join.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, bruno);
            await page.GotoAsync("/groups");
            await page.FillAsync("#group-q", name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).Last.ClickAsync();
            // Its link leads to the discussion (the posts' page); the About page is where one joins.
            Assert.Equal(1, await page.Locator($"main .discover-groups a[href='/groups/{slug}']").CountAsync());
            await page.GotoAsync(about);
            Assert.Contains("We read papers about graphs.", await page.InnerTextAsync("main .prose"), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
            await page.GetByText("Your request was sent to the group's managers.").WaitForAsync();
            await page.GotoAsync("/groups");
            Assert.Contains(name, await page.InnerTextAsync("main .group-pending"), StringComparison.Ordinal);
        }

        // Olga sees the waiting request in her tab and approves it.
        await Page.GotoAsync(about);
        Assert.Contains("1", await Page.InnerTextAsync($"main .group-header a[href='/groups/{slug}/requests'] .nav-count"), StringComparison.Ordinal);
        await Page.ClickAsync($"main .group-header a[href='/groups/{slug}/requests']");
        Assert.Contains("Bruno Browser", await Page.InnerTextAsync("main .group-requests"), StringComparison.Ordinal);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve Bruno Browser" }).ClickAsync();
        await Page.GetByText("Request approved.").WaitForAsync();
        Assert.Contains("No request waits.", await Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("2 members", await Page.InnerTextAsync("main .group-member-count"), StringComparison.Ordinal);

        // Bruno now has the group among his own.
        var brunoPage = await (await _browser.NewContextAsync(App.BaseAddress)).NewPageAsync();
        await SignInAsync(brunoPage, bruno);
        await brunoPage.GotoAsync("/groups");
        Assert.Contains(name, await brunoPage.InnerTextAsync("main .my-groups"), StringComparison.Ordinal);
        await brunoPage.GotoAsync($"/groups/{slug}/members");
        var members = await brunoPage.InnerTextAsync("main .group-members");
        Assert.Contains("Olga Browser", members, StringComparison.Ordinal);
        Assert.Contains("Bruno Browser", members, StringComparison.Ordinal);
    }
}
