using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Feed;

/// <summary>
/// The visibility table for the feed surface: a post of each audience and kind, and a viewer in each relation to its
/// author, group or hashtag; whether the post is in the viewer's feed. Group posts come only through joined groups;
/// only published posts are shown.
/// </summary>
public class FeedVisibilityTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    // Outside groups: who the viewer is to the author.
    [InlineData("public", "connection", true)]
    [InlineData("public", "follower", true)]
    [InlineData("public", "stranger", false)]
    [InlineData("connections", "connection", true)]
    [InlineData("connections", "follower", false)]
    [InlineData("public", "follower-blocked-by-author", false)]
    [InlineData("public", "follower-blocking-author", false)]
    [InlineData("reach-3-degrees", "connection", true)]
    [InlineData("reach-3-degrees", "follower", false)]
    [InlineData("reach-colleagues", "connection", false)]
    // Groups: the group's kind and the viewer's standing in it.
    [InlineData("public-group", "member", true)]
    [InlineData("public-group", "connection", false)]
    [InlineData("public-group", "banned", false)]
    [InlineData("private-group", "member", true)]
    [InlineData("private-group", "requested", false)]
    [InlineData("private-group", "left", false)]
    [InlineData("unlisted-group", "member", true)]
    [InlineData("unlisted-group", "invited", false)]
    [InlineData("internal-group", "verified-member", true)]
    [InlineData("internal-group", "member", false)]
    [InlineData("pending-in-group", "member", false)]
    [InlineData("pending-in-group", "moderator", false)]
    [InlineData("removed-in-group", "member", false)]
    [InlineData("public-group", "blocked-by-author-member", false)]
    // Hashtags and organisations.
    [InlineData("tagged", "tag-follower", true)]
    [InlineData("tagged", "tag-unfollowed", false)]
    [InlineData("tagged-connections", "tag-follower", false)]
    [InlineData("tagged-in-public-group", "tag-follower", false)]
    [InlineData("tagged", "tag-follower-blocked-by-author", false)]
    [InlineData("organisation", "organisation-follower", true)]
    [InlineData("organisation", "stranger", false)]
    public async Task Feed_PostByRelation_ShownOnlyWhenReadable(string post, string relation, bool shown)
    {
        var author = await RegisterMemberAsync("Table Author");
        var viewer = await RegisterMemberAsync("Table Viewer");
        var authorId = await MemberIdAsync(author);
        var viewerId = await MemberIdAsync(viewer);
        var tag = "t" + Guid.NewGuid().ToString("N")[..12];

        long? organizationId = post is "organisation" or "internal-group"
            ? (await App.CreateOrganizationInStoreAsync(name: MemberActions.UniqueName("Table Org"), cancellationToken: TestContext.Current.CancellationToken)).Id
            : null;
        long? groupId = null;
        if (post.EndsWith("group", StringComparison.Ordinal))
        {
            var kind = post switch
            {
                "private-group" or "internal-group" or "pending-in-group" or "removed-in-group" => GroupKind.Private,
                "unlisted-group" => GroupKind.Unlisted,
                _ => GroupKind.Public,
            };
            var slug = await App.CreateGroupInStoreAsync(author, kind, organizationId: organizationId, isInternal: post == "internal-group",
                cancellationToken: Cancellation);
            groupId = await App.GroupIdAsync(slug);
        }

        switch (relation)
        {
            case "connection":
                await ConnectAsync(author, viewer);
                break;
            case "follower":
                await viewer.FollowAsync(author.Handle, Cancellation);
                break;
            case "follower-blocked-by-author":
                await viewer.FollowAsync(author.Handle, Cancellation);
                await author.BlockAsync(viewer, Cancellation);
                break;
            case "follower-blocking-author":
                await viewer.FollowAsync(author.Handle, Cancellation);
                await viewer.BlockAsync(author, Cancellation);
                break;
            case "member":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Member);
                break;
            case "verified-member":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Member);
                await App.VerifyInStoreAsync(viewer, organizationId!.Value, Cancellation);
                break;
            case "moderator":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Member, GroupRole.Manager);
                break;
            case "banned":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Banned);
                break;
            case "requested":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Requested);
                break;
            case "invited":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Invited);
                break;
            case "left":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Member);
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, null);
                break;
            case "blocked-by-author-member":
                await App.SetMembershipInStoreAsync(groupId!.Value, viewerId, GroupMembershipState.Member);
                await author.BlockAsync(viewer, Cancellation);
                break;
            case "tag-follower":
                await App.FollowHashtagInStoreAsync(viewerId, tag);
                break;
            case "tag-unfollowed":
                await App.FollowHashtagInStoreAsync(viewerId, tag);
                await App.UnfollowHashtagInStoreAsync(viewerId, tag);
                break;
            case "tag-follower-blocked-by-author":
                await App.FollowHashtagInStoreAsync(viewerId, tag);
                await author.BlockAsync(viewer, Cancellation);
                break;
            case "organisation-follower":
                await App.FollowInStoreAsync(viewerId, organizationId: organizationId);
                break;
            case "stranger":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(relation), relation, null);
        }

        if (post.StartsWith("reach-", StringComparison.Ordinal))
        {
            await author.SetPrivacyAsync(reach: post == "reach-colleagues" ? "colleagues" : "withinThreeDegrees", cancellationToken: Cancellation);
        }
        var postId = post switch
        {
            "connections" => await App.CreateFeedPostInStoreAsync(authorId, "Connections only", PostAudience.Connections),
            "pending-in-group" => await App.CreateFeedPostInStoreAsync(authorId, "Pending", groupId: groupId, state: PostState.Pending),
            "removed-in-group" => await App.CreateFeedPostInStoreAsync(authorId, "Removed", groupId: groupId, state: PostState.Removed),
            "tagged" => await App.CreateFeedPostInStoreAsync(authorId, "Tagged", tags: [tag]),
            "tagged-connections" => await App.CreateFeedPostInStoreAsync(authorId, "Tagged, connections", PostAudience.Connections, tags: [tag]),
            "tagged-in-public-group" => await App.CreateFeedPostInStoreAsync(authorId, "Tagged, in a group", groupId: groupId, tags: [tag]),
            "organisation" => await App.CreateFeedPostInStoreAsync(authorId, "For the organisation", organizationId: organizationId),
            _ when groupId is not null => await App.CreateFeedPostInStoreAsync(authorId, "In the group", groupId: groupId),
            _ => await App.CreateFeedPostInStoreAsync(authorId, "Public"),
        };
        await WaitForFeedAsync();

        var feed = await viewer.WholeFeedAsync(cancellationToken: Cancellation);
        Assert.Equal(shown, feed.Contains(postId));
        // The author always sees their own published posts.
        var own = await author.WholeFeedAsync(cancellationToken: Cancellation);
        Assert.Equal(post is not ("pending-in-group" or "removed-in-group"), own.Contains(postId));
    }
}
