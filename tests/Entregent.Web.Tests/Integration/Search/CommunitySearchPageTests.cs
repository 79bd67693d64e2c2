using System.Net;
using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>The Posts and Groups tabs of /search, and the saved-search button's handler, rendered by the server.</summary>
public class CommunitySearchPageTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task PostsAndGroupsTabs_ShowWhatTheViewerMaySee()
    {
        var tag = "Tab" + Guid.NewGuid().ToString("N")[..8];
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        await App.CreatePostInStoreAsync(author, "Visible <b>words</b> " + tag, cancellationToken: Cancellation);
        var open = await App.CreateGroupInStoreAsync(author, GroupKind.Public, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(open, "Open " + tag);
        var hidden = await App.CreateGroupInStoreAsync(author, GroupKind.Unlisted, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(hidden, "Hidden " + tag);
        await WaitForNetworkAsync();

        var posts = await reader.Client.GetStringAsync(new Uri($"/search?type=posts&q={tag}", UriKind.Relative), Cancellation);
        var groups = await reader.Client.GetStringAsync(new Uri($"/search?type=groups&q={tag}", UriKind.Relative), Cancellation);
        using var bad = await reader.Client.GetAsync(new Uri("/search?type=posts&q=" + new string('x', 201), UriKind.Relative), Cancellation);

        Assert.Contains("1 post", posts, StringComparison.Ordinal);
        Assert.Contains("post-card", posts, StringComparison.Ordinal);
        Assert.Contains("1 group", groups, StringComparison.Ordinal);
        Assert.Contains($"/groups/{open}", groups, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, groups, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("At most 200 characters.", await bad.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }
}
