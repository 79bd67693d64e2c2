using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Browser;

/// <summary>A keyword watch created on /watches; a connection posts a matching post; the watch's page shows it.</summary>
public class WatchTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    [Fact]
    public async Task KeywordWatch_ConnectionPostsAMatch_ShownInTheWatchMatches()
    {
        var tag = "veille" + Guid.NewGuid().ToString("N")[..8];
        var ada = await App.RegisterMemberAsync("Ada Watch", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Watch", Cancellation);
        await ConnectThroughApiAsync(ada, bruno);

        await SignInAsync(Page, ada);
        await Page.GotoAsync("/watches");
        await Page.FillAsync("[name='Input.Name']", "Énergie verte");
        await Page.FillAsync("[name='Input.Keywords']", $"\"énergie verte\" {tag}");
        Assert.True(await Page.IsCheckedAsync("#source-posts"));
        // Every source unticked: the form says so and keeps what was typed, rather than watching posts after all.
        await Page.UncheckAsync("#source-posts");
        await Page.ClickAsync("main form:has([name='Input.Keywords']) button[type=submit]");
        await Page.WaitForSelectorAsync("text=Choose at least one source");
        Assert.Equal("Énergie verte", await Page.InputValueAsync("[name='Input.Name']"));
        Assert.False(await Page.IsCheckedAsync("#source-posts"));
        await Page.CheckAsync("#source-posts");
        await Page.ClickAsync("main form:has([name='Input.Keywords']) button[type=submit]");
        await Page.WaitForURLAsync(url => url.Contains("/watches/", StringComparison.Ordinal));
        Assert.Contains("Nothing new has matched yet.", await Page.InnerTextAsync("main"), StringComparison.Ordinal);

        await App.CreatePostInStoreAsync(bruno, $"Les énergies vertes pour tous, {tag}", PostAudience.Connections, cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);
        await Page.ReloadAsync();

        var matches = await Page.InnerTextAsync("main .watch-matches");
        Assert.Contains($"Les énergies vertes pour tous, {tag}", matches, StringComparison.Ordinal);
        Assert.Contains("Bruno Watch", matches, StringComparison.Ordinal);
        await Page.GotoAsync("/watches");
        Assert.Contains("Last match", await Page.InnerTextAsync("main .watches"), StringComparison.Ordinal);
    }
}
