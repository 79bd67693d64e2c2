using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>Follow a hashtag (its posts come into the feed), stop following it, list the ones followed.</summary>
public static class FollowHashtag
{
    /// <summary>A member follows at most this many hashtags.</summary>
    public const int MaxFollowed = 200;

    public sealed record FollowedView(string Tag, DateTimeOffset Since);

    public static async Task<Outcome<FollowedView>> FollowAsync(EntregentDb db, TimeProvider time, long memberId, string? tag,
        CancellationToken cancellationToken)
    {
        if (MarkdownRenderer.FoldHashtag(tag) is not { } folded)
        {
            return Failure.Invalid("tag", "A hashtag is letters, digits and underscores, with at least one letter.");
        }
        var existing = await db.HashtagFollows.AsNoTracking().FirstOrDefaultAsync(f => f.MemberId == memberId && f.Tag == folded, cancellationToken);
        if (existing is not null)
        {
            return new FollowedView(existing.Tag, existing.CreatedAt);
        }
        if (await db.HashtagFollows.CountAsync(f => f.MemberId == memberId, cancellationToken) >= MaxFollowed)
        {
            return Failure.Conflict("tag", $"You can follow at most {MaxFollowed} hashtags.");
        }
        var follow = new HashtagFollow { MemberId = memberId, Tag = folded, CreatedAt = time.GetUtcNow() };
        db.HashtagFollows.Add(follow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same follow sent twice at once: the unique index kept one; both callers get it.
            db.ChangeTracker.Clear();
            return await db.HashtagFollows.AsNoTracking().Where(f => f.MemberId == memberId && f.Tag == folded)
                .Select(f => new FollowedView(f.Tag, f.CreatedAt)).FirstAsync(cancellationToken);
        }
        return new FollowedView(follow.Tag, follow.CreatedAt);
    }

    public static async Task<Outcome<bool>> UnfollowAsync(EntregentDb db, long memberId, string? tag, CancellationToken cancellationToken)
    {
        if (MarkdownRenderer.FoldHashtag(tag) is not { } folded)
        {
            return Failure.Invalid("tag", "A hashtag is letters, digits and underscores, with at least one letter.");
        }
        // Through the tracker: the feed follows hashtag follows.
        var follow = await db.HashtagFollows.FirstOrDefaultAsync(f => f.MemberId == memberId && f.Tag == folded, cancellationToken);
        if (follow is not null)
        {
            db.HashtagFollows.Remove(follow);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    public static async Task<IReadOnlyList<FollowedView>> ListAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        await db.HashtagFollows.AsNoTracking().Where(f => f.MemberId == memberId).OrderBy(f => f.Tag)
            .Select(f => new FollowedView(f.Tag, f.CreatedAt)).ToListAsync(cancellationToken);

    public static Task<bool> IsFollowingAsync(EntregentDb db, long memberId, string folded, CancellationToken cancellationToken) =>
        db.HashtagFollows.AnyAsync(f => f.MemberId == memberId && f.Tag == folded, cancellationToken);
}
