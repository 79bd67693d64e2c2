using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Posts;

/// <summary>The parts of a post that decide who may read it.</summary>
public readonly record struct PostFacts(long AuthorId, PostAudience Audience, PostState State, long? GroupId, ProfileReach AuthorReach);

/// <summary>A viewer as posts see them: the graph (connections, blocks, reach) and their standing towards groups.</summary>
public sealed record PostViewer(long? MemberId, NetworkGraph Network, GroupViewer Groups);

/// <summary>
/// The one place that decides whether a viewer may read a post (and so its comments and reactions, and whether it may
/// be counted, listed, found, notified or e-mailed). Every surface asks here: the feed, group pages, member activity,
/// search, notifications, digests.
/// </summary>
public static class PostAccess
{
    /// <param name="group">The post's group, required when <see cref="PostFacts.GroupId"/> is set.</param>
    public static bool CanRead(PostFacts post, GroupFacts? group, PostViewer viewer)
    {
        if (viewer.MemberId is not { } viewerId)
        {
            return false;
        }
        if (viewerId == post.AuthorId)
        {
            return true;
        }
        // Blocks hide both ways, everywhere; reach applies to the author's posts as to their profile.
        if (!ViewProfile.MayOpen(viewer.Network, viewerId, post.AuthorId, post.AuthorReach))
        {
            return false;
        }
        if (post.GroupId is not null)
        {
            if (group is not { } g)
            {
                return false;
            }
            return post.State switch
            {
                PostState.Published => GroupAccess.CanReadPosts(g, viewer.Groups),
                PostState.Pending => GroupAccess.CanModerate(g, viewer.Groups),
                _ => false,
            };
        }
        if (post.State != PostState.Published)
        {
            return false;
        }
        return post.Audience switch
        {
            PostAudience.Public => true,
            PostAudience.Connections => viewer.Network.AreConnected(viewerId, post.AuthorId),
            _ => false,
        };
    }
}
