using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// A group's discussion in a browser: Ada posts through the group's page; Mia, a fellow member, opens the group, sees
/// the post, opens it, reacts and comments, without any script needed.
/// </summary>
public class GroupDiscussionTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task PostInGroup_FellowMemberSeesReactsAndComments()
    {
        var ada = await App.RegisterMemberAsync("Ada Grouped", Cancellation);
        var mia = await App.RegisterMemberAsync("Mia Grouped", Cancellation);
        var slug = await App.CreateGroupInStoreAsync(ada, GroupKind.Private, [mia], cancellationToken: Cancellation);

        await SignInAsync(Page, ada);
        await Page.GotoAsync($"/groups/{slug}");
        await Page.FillAsync("#body", "Welcome to the group! #bienvenue");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post in the group" }).ClickAsync();
        await Page.GetByText("Your post is published.").WaitForAsync();
        Assert.Contains("Welcome to the group!", await Page.InnerTextAsync(".group-posts"), StringComparison.Ordinal);

        await using var context = await _browser.NewContextAsync(App.BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, mia);
        await page.GotoAsync($"/groups/{slug}");
        var card = page.Locator(".group-posts .post-card", new() { HasText = "Welcome to the group!" });
        Assert.Contains("Ada Grouped", await card.InnerTextAsync(), StringComparison.Ordinal);
        await card.Locator("a[href^='/posts/'] time").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/posts/", StringComparison.Ordinal));

        await page.Locator(".reaction-form").GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
        await page.Locator(".reaction-form button[aria-pressed='true']", new() { HasText = "Celebrate" }).WaitForAsync();
        Assert.Equal("1", (await page.InnerTextAsync(".post-reaction-count")).Trim());

        await page.FillAsync("#comment-body", "Glad to be here, @" + ada.Handle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await page.GetByText("Comment posted.").WaitForAsync();
        Assert.Contains("Glad to be here", await page.InnerTextAsync("#comments"), StringComparison.Ordinal);
        Assert.Equal("1", (await page.InnerTextAsync(".post-comment-count")).Trim());
        Assert.Equal(1, await page.Locator($"#comments a.mention[href='/in/{ada.Handle}']").CountAsync());

        // Back on the group page, Ada sees the counts.
        await Page.GotoAsync($"/groups/{slug}");
        Assert.Equal("1", (await Page.InnerTextAsync(".group-posts .post-comment-count")).Trim());
        Assert.Equal("1", (await Page.InnerTextAsync(".group-posts .post-reaction-count")).Trim());
    }
}
