using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>The group a post was written in, as a post card names it.</summary>
public sealed record PostGroup(string Slug, string Name);

/// <summary>A post as every list shows it (feed, group page, member activity, search results).</summary>
public sealed record PostView(
    long Id,
    PostKind Kind,
    PostAudience Audience,
    PostState State,
    MemberCard Author,
    PostGroup? Group,
    string? Title,
    string BodyHtml,
    string? ImageUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int CommentCount,
    int ReactionCount,
    ReactionKind? MyReaction,
    bool IsMine);

/// <summary>Loads the views of a page of posts in a few queries. The caller has already decided they may be read (<see cref="PostAccess"/>).</summary>
public static class PostViews
{
    /// <summary>The views of <paramref name="postIds"/> in their order; ids that no longer exist are left out.</summary>
    public static async Task<IReadOnlyList<PostView>> ListAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyList<long> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count == 0)
        {
            return [];
        }
        var ids = postIds.Distinct().ToList();
        var rows = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.AuthorId, p.Kind, p.Audience, p.State, p.GroupId, p.Title, p.BodyHtml, p.ImageKey, p.CreatedAt, p.EditedAt,
                p.CommentCount, p.ReactionCount,
            })
            .ToListAsync(cancellationToken);
        var groupIds = rows.Where(r => r.GroupId is not null).Select(r => r.GroupId!.Value).Distinct().ToList();
        var groups = groupIds.Count == 0
            ? []
            : await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                .ToDictionaryAsync(g => g.Id, g => new PostGroup(g.Slug, g.Name), cancellationToken);
        var mine = await db.Reactions.AsNoTracking()
            .Where(r => r.MemberId == viewerId && r.CommentId == null && ids.Contains(r.PostId))
            .ToDictionaryAsync(r => r.PostId, r => r.Kind, cancellationToken);
        var authors = await MemberCards.LoadAsync(db, network, viewerId, rows.Select(r => r.AuthorId).ToList(), cancellationToken);
        var views = rows.Where(r => authors.ContainsKey(r.AuthorId)).ToDictionary(r => r.Id, r => new PostView(
            r.Id, r.Kind, r.Audience, r.State, authors[r.AuthorId], r.GroupId is { } g && groups.TryGetValue(g, out var group) ? group : null,
            r.Title, r.BodyHtml, r.ImageKey is null ? null : "/media/" + r.ImageKey, r.CreatedAt, r.EditedAt, r.CommentCount,
            r.ReactionCount, mine.TryGetValue(r.Id, out var reaction) ? reaction : null, r.AuthorId == viewerId));
        return postIds.Where(views.ContainsKey).Select(id => views[id]).ToList();
    }
}
