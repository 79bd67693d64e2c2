using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>A post's facts with its group's, as <see cref="PostAccess.CanRead"/> takes them.</summary>
public sealed record PostFound(long Id, PostFacts Facts, GroupFacts? Group, DateTimeOffset CreatedAt, int Version);

/// <summary>A page of posts, newest first; <see cref="Next"/> is the cursor of the next page (null on the last).</summary>
public sealed record PostPage(IReadOnlyList<PostView> Posts, string? Next);

/// <summary>
/// Loads posts with what decides who may read them, and pages through lists of them: every list and every route on a
/// post goes through here, and so through <see cref="PostAccess.CanRead"/>, before anything is counted or returned.
/// </summary>
public static class PostReading
{
    public const int PageSize = 20;

    // Candidates are read in batches and filtered in memory; a page stops after this many batches even when short, and
    // its cursor then points past the last candidate read, so a list of mostly hidden posts still pages in bounded time.
    private const int BatchSize = 100;
    private const int MaxBatches = 10;

    public static async Task<PostViewer> ViewerAsync(EntregentDb db, NetworkGraph network, long viewerId, CancellationToken cancellationToken) =>
        new(viewerId, network, await GroupViewer.LoadAsync(db, viewerId, cancellationToken));

    /// <summary>The post <paramref name="postId"/> when the viewer may read it; otherwise 404, as if it did not exist.</summary>
    public static async Task<Outcome<PostFound>> FindReadableAsync(EntregentDb db, PostViewer viewer, long postId, CancellationToken cancellationToken)
    {
        var found = (await FindAsync(db, db.Posts.Where(p => p.Id == postId), cancellationToken)).FirstOrDefault();
        return found is not null && PostAccess.CanRead(found.Facts, found.Group, viewer) ? found : NotFound(postId);
    }

    public static Failure NotFound(long postId) => Failure.NotFound($"No post has the id {postId.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Whether <paramref name="memberId"/> may read the post: used before notifying them of it.</summary>
    public static async Task<bool> MayReadAsync(EntregentDb db, NetworkGraph network, long memberId, PostFound post, CancellationToken cancellationToken) =>
        PostAccess.CanRead(post.Facts, post.Group, await ViewerAsync(db, network, memberId, cancellationToken));

    /// <summary>
    /// One page of <paramref name="candidates"/> that the viewer may read, newest first, after <paramref name="cursor"/>.
    /// </summary>
    public static async Task<Outcome<PostPage>> PageAsync(EntregentDb db, PostViewer viewer, IQueryable<Post> candidates, string? cursor,
        CancellationToken cancellationToken, int pageSize = PageSize)
    {
        var position = Paging.ParseCursor(cursor);
        if (cursor is not null && position is null)
        {
            return Failure.Invalid("before", "Not a cursor given by a previous page.");
        }
        var readable = new List<PostFound>();
        var exhausted = false;
        PostFound? lastRead = null;
        for (var batch = 0; batch < MaxBatches && readable.Count <= pageSize; batch++)
        {
            var query = candidates;
            if (position is var (at, id))
            {
                query = query.Where(p => p.CreatedAt < at || (p.CreatedAt == at && p.Id < id));
            }
            var rows = await FindAsync(db, query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(BatchSize), cancellationToken);
            foreach (var row in rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id))
            {
                if (readable.Count > pageSize)
                {
                    break;
                }
                lastRead = row;
                if (PostAccess.CanRead(row.Facts, row.Group, viewer))
                {
                    readable.Add(row);
                }
            }
            if (rows.Count < BatchSize)
            {
                exhausted = readable.Count <= pageSize;
                break;
            }
            position = (lastRead!.CreatedAt, lastRead.Id);
        }
        string? next = null;
        if (readable.Count > pageSize)
        {
            readable.RemoveAt(readable.Count - 1);
            next = Paging.Cursor(readable[^1].CreatedAt, readable[^1].Id);
        }
        else if (!exhausted && lastRead is not null)
        {
            next = Paging.Cursor(lastRead.CreatedAt, lastRead.Id);
        }
        var views = await PostViews.ListAsync(db, viewer.Network, viewer.MemberId!.Value, readable.Select(r => r.Id).ToList(), cancellationToken);
        return new PostPage(views, next);
    }

    /// <summary>The facts of the posts <paramref name="query"/> selects (with their authors' reach and their groups').</summary>
    public static async Task<List<PostFound>> FindAsync(EntregentDb db, IQueryable<Post> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Join(db.Profiles, p => p.AuthorId, profile => profile.MemberId, (p, profile) => new
            {
                p.Id, p.AuthorId, p.Audience, p.State, p.GroupId, p.CreatedAt, p.Version, profile.Reach,
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var groupIds = rows.Where(r => r.GroupId is not null).Select(r => r.GroupId!.Value).Distinct().ToList();
        var groups = groupIds.Count == 0
            ? []
            : await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
                .Select(g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal)).ToDictionaryAsync(g => g.Id, cancellationToken);
        return rows.Select(r => new PostFound(r.Id, new PostFacts(r.AuthorId, r.Audience, r.State, r.GroupId, r.Reach),
            r.GroupId is { } groupId && groups.TryGetValue(groupId, out var group) ? group : null, r.CreatedAt, r.Version)).ToList();
    }
}
