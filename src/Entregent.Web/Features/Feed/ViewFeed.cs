using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Feed;

/// <summary>
/// The home feed: posts from the viewer's connections, followed members and organisations, followed hashtags and
/// joined groups, and their own, newest first, a page at a time after an opaque cursor. Each post is checked with
/// <see cref="PostAccess.CanRead"/> before it counts (see <see cref="FeedIndex"/>).
/// </summary>
public static class ViewFeed
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>Why a post is in the feed: the source and its name ("Ada Lovelace", "Acme", "#energie", "Rust in Lyon"), with a link where it has a page.</summary>
    public sealed record Reason(FeedSourceKind Kind, string? Name, string? Url);

    public sealed record Item(PostView Post, Reason Why);

    /// <summary>A page of the feed and the cursor of the next one (null at the end).</summary>
    public sealed record Result(IReadOnlyList<Item> Items, string? Next);

    /// <param name="before">The cursor of a previous page's <see cref="Result.Next"/>; null for the newest posts.</param>
    /// <param name="limit">Posts per page, 1 to <see cref="MaxLimit"/>; <see cref="DefaultLimit"/> when absent.</param>
    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, FeedIndex index, FeedOptions options,
        long viewerId, string? before, string? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new FieldErrors();
        FeedKey? cursor = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (TryParseCursor(before, out var key))
            {
                cursor = key;
            }
            else
            {
                errors.Add("before", "Not a feed cursor: pass the 'next' value of a previous page as it was.");
            }
        }
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"Posts per page: a whole number from 1 to {MaxLimit}.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var groups = await GroupViewer.LoadAsync(db, viewerId, cancellationToken);
        var sources = await SourcesAsync(db, network, groups, viewerId, cancellationToken);
        var slice = index.Read(new PostViewer(viewerId, network, groups), sources, cursor, size, options.MaxScanPerPage);
        var views = await PostViews.ListAsync(db, network, viewerId, slice.Hits.Select(h => h.Key.Id).ToList(), cancellationToken);
        var reasons = await ReasonsAsync(db, slice.Hits, cancellationToken);
        var byId = slice.Hits.ToDictionary(h => h.Key.Id);
        var items = views.Select(v => new Item(v, Explain(byId[v.Id].Source, v, reasons))).ToList();
        return new Result(items, slice.Next is { } next ? FormatCursor(next) : null);
    }

    /// <summary>
    /// Everything the viewer's feed draws from: their own posts, their connections (from the graph), followed members
    /// and organisations, followed hashtags and joined groups (from the store, so never stale).
    /// </summary>
    public static async Task<IReadOnlyList<FeedSource>> SourcesAsync(EntregentDb db, NetworkGraph network, GroupViewer groups, long viewerId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(groups);
        var sources = new List<FeedSource> { new(FeedSourceKind.Own, viewerId) };
        if (network.TryGetDense(viewerId, out var dense))
        {
            sources.AddRange(network.Graph.GetConnections(dense).Select(c => new FeedSource(FeedSourceKind.Connection, network.MemberIdOf(c.Member))));
        }
        var follows = await db.Follows.AsNoTracking().Where(f => f.FollowerId == viewerId)
            .Select(f => new { f.FollowedMemberId, f.FollowedOrganizationId }).ToListAsync(cancellationToken);
        sources.AddRange(follows.Where(f => f.FollowedMemberId is not null).Select(f => new FeedSource(FeedSourceKind.FollowedMember, f.FollowedMemberId!.Value)));
        sources.AddRange(follows.Where(f => f.FollowedOrganizationId is not null)
            .Select(f => new FeedSource(FeedSourceKind.FollowedOrganization, f.FollowedOrganizationId!.Value)));
        var tags = await db.HashtagFollows.AsNoTracking().Where(f => f.MemberId == viewerId).Select(f => f.Tag).ToListAsync(cancellationToken);
        sources.AddRange(tags.Select(t => new FeedSource(FeedSourceKind.Hashtag, 0, t)));
        sources.AddRange(groups.JoinedGroupIds.Select(g => new FeedSource(FeedSourceKind.Group, g)));
        return sources;
    }

    /// <summary>The names and links of the organisations among the page's reasons (members and groups come with their post's view).</summary>
    private static async Task<Dictionary<long, (string Name, string Slug)>> ReasonsAsync(EntregentDb db, IReadOnlyList<FeedHit> hits,
        CancellationToken cancellationToken)
    {
        var organisations = hits.Where(h => h.Source.Kind == FeedSourceKind.FollowedOrganization).Select(h => h.Source.Id).Distinct().ToList();
        if (organisations.Count == 0)
        {
            return [];
        }
        return await db.Organizations.AsNoTracking().Where(o => organisations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Slug), cancellationToken);
    }

    private static Reason Explain(FeedSource source, PostView post, Dictionary<long, (string Name, string Slug)> organisations) => source.Kind switch
    {
        FeedSourceKind.Connection or FeedSourceKind.FollowedMember =>
            new(source.Kind, post.Author.DisplayName, "/in/" + post.Author.Handle),
        FeedSourceKind.Group when post.Group is { } group => new(source.Kind, group.Name, "/groups/" + group.Slug),
        FeedSourceKind.FollowedOrganization when organisations.TryGetValue(source.Id, out var o) => new(source.Kind, o.Name, "/organizations/" + o.Slug),
        FeedSourceKind.Hashtag => new(source.Kind, "#" + source.Tag, null),
        _ => new(source.Kind, null, null),
    };

    /// <summary>A cursor as clients see it: the key's 16 bytes, base64url (opaque; only this code reads it).</summary>
    public static string FormatCursor(FeedKey key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, key.Ticks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], key.Id);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryParseCursor(string value, out FeedKey key)
    {
        key = default;
        Span<byte> bytes = stackalloc byte[18];
        if (value.Length != 22 || !Base64Url.TryDecodeFromChars(value, bytes, out var written) || written != 16)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        if (ticks is < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks || id <= 0)
        {
            return false;
        }
        key = new FeedKey(ticks, id);
        return true;
    }
}
