using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Browser;

/// <summary>The home feed in a real browser: a connection's group post shows on the home page, and "Show more" pages back without script.</summary>
public class FeedTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task Home_ConnectionPostsInSharedGroup_FeedShowsItAndShowMorePagesBack()
    {
        var ada = await App.RegisterMemberAsync("Ada Feed", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Feed", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);
        var slug = await App.CreateGroupInStoreAsync(ada, GroupKind.Private, [bruno], cancellationToken: Cancellation);
        var adaId = await App.MemberIdAsync(ada, Cancellation);
        var start = App.Time.GetUtcNow();
        // 24 older posts of Ada's own (a page and then some), then her group post, the newest.
        for (var i = 24; i >= 1; i--)
        {
            await App.CreateFeedPostInStoreAsync(adaId, $"Earlier thought number {i}", createdAt: start.AddMinutes(-i));
        }
        await App.CreatePostInStoreAsync(ada, "Meeting on Thursday in the group", groupSlug: slug, cancellationToken: Cancellation);
        await App.WaitForFeedAsync(Cancellation);

        await SignInAsync(Page, bruno);
        await Page.GotoAsync("/");
        var first = Page.Locator(".feed-item").First;
        Assert.Contains("Meeting on Thursday in the group", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("In your group", await first.Locator(".feed-why").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(20, await Page.Locator(".feed-item").CountAsync());
        Assert.Contains("From your connection", await Page.Locator(".feed-item").Nth(1).Locator(".feed-why").InnerTextAsync(), StringComparison.Ordinal);
        // The profile panel is still there beside the feed.
        Assert.Equal(1, await Page.Locator("#completeness").CountAsync());

        await Page.ClickAsync("a[rel=next]");
        await Page.WaitForURLAsync(url => url.Contains("before=", StringComparison.Ordinal));
        var older = await Page.InnerTextAsync(".feed-items");
        Assert.Contains("Earlier thought number 24", older, StringComparison.Ordinal);
        Assert.DoesNotContain("Meeting on Thursday", older, StringComparison.Ordinal);
        Assert.Equal(5, await Page.Locator(".feed-item").CountAsync());
        Assert.Equal(0, await Page.Locator("a[rel=next]").CountAsync());
    }

    [Fact]
    public async Task Home_NothingToShow_SuggestsPeopleAndGroups()
    {
        var owner = await App.RegisterMemberAsync("Owner Empty Feed", Cancellation);
        var loner = await App.RegisterMemberAsync("Loner Empty Feed", Cancellation);
        await App.CreateGroupInStoreAsync(owner, GroupKind.Public, cancellationToken: Cancellation);
        await SignInAsync(Page, loner);
        await Page.GotoAsync("/");
        var empty = await Page.InnerTextAsync(".feed-empty");
        Assert.Contains("Your feed is empty for now.", empty, StringComparison.Ordinal);
        Assert.Contains("Groups to join", empty, StringComparison.Ordinal);
        Assert.Equal(1, await Page.Locator("a[href='/posts/new']").CountAsync());
    }
}
