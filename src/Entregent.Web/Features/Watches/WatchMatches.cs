using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Watches;

/// <summary>
/// A watch's recent matches: the notifications it sent, newest first, each checked again against what the owner may see
/// now (a block, a post's audience narrowed or a group made unlisted since hides it).
/// </summary>
public static class WatchMatches
{
    public const int MaxMatches = 50;

    /// <summary>One match: "post", "member" or "group", with the post's view for posts.</summary>
    public sealed record Match(string Type, long ItemId, string Text, string Url, DateTimeOffset MatchedAt, PostView? Post);

    public sealed record Result(WatchView Watch, IReadOnlyList<Match> Items);

    /// <summary>The dedupe key of the notification for one match: each (watch, item) notifies once.</summary>
    public static string DedupeKey(long watchId, string type, long itemId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"watch:{watchId}:{type}:{itemId}");

    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, long watchId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watch = await ListWatches.OneAsync(db, memberId, watchId, cancellationToken);
        if (!watch.Succeeded)
        {
            return watch.Failure!;
        }
        var prefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"watch:{watchId}:");
        // Over-read a little: some may no longer be visible.
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == memberId && n.Kind == NotificationKind.WatchMatch && n.DedupeKey != null && n.DedupeKey.StartsWith(prefix))
            .OrderByDescending(n => n.Id).Take(MaxMatches * 2)
            .Select(n => new { n.DedupeKey, n.Text, n.Url, n.CreatedAt })
            .ToListAsync(cancellationToken);
        var parsed = notifications.Select(n =>
        {
            var parts = n.DedupeKey![prefix.Length..].Split(':');
            return parts.Length == 2 && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? new Match(parts[0], id, n.Text, n.Url, n.CreatedAt, null)
                : null;
        }).OfType<Match>().ToList();
        var visible = await VisibleAsync(db, network, memberId, parsed, cancellationToken);
        var postIds = visible.Where(m => m.Type == "post").Select(m => m.ItemId).ToList();
        var posts = (await PostViews.ListAsync(db, network, memberId, postIds, cancellationToken)).ToDictionary(p => p.Id);
        var items = visible
            .Select(m => m.Type == "post" ? (posts.TryGetValue(m.ItemId, out var post) ? m with { Post = post } : null) : m)
            .OfType<Match>().Take(MaxMatches).ToList();
        return new Result(watch.Value!, items);
    }

    /// <summary>The matches the member may see now, in their order: posts by <see cref="PostAccess"/>, groups by
    /// <see cref="GroupAccess"/>, members by their profile's reach and blocks.</summary>
    internal static async Task<List<Match>> VisibleAsync(EntregentDb db, NetworkGraph network, long memberId, List<Match> matches,
        CancellationToken cancellationToken)
    {
        var postIds = matches.Where(m => m.Type == "post").Select(m => m.ItemId).ToList();
        var groupIds = matches.Where(m => m.Type == "group").Select(m => m.ItemId).ToList();
        var memberIds = matches.Where(m => m.Type == "member").Select(m => m.ItemId).ToList();
        var posts = postIds.Count == 0 ? [] : (await PostReading.FindAsync(db, db.Posts.Where(p => postIds.Contains(p.Id)), cancellationToken))
            .ToDictionary(p => p.Id);
        var groups = groupIds.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var profiles = memberIds.Count == 0 ? [] : await db.Profiles.AsNoTracking().Where(p => memberIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Reach, p.OptedOutOfDirectory }).ToDictionaryAsync(p => p.MemberId, cancellationToken);
        var groupViewer = await GroupViewer.LoadAsync(db, memberId, cancellationToken);
        var viewer = new PostViewer(memberId, network, groupViewer);
        bool Visible(Match match) => match.Type switch
        {
            "post" => posts.TryGetValue(match.ItemId, out var post) && PostAccess.CanRead(post.Facts, post.Group, viewer),
            "group" => groups.TryGetValue(match.ItemId, out var group) && GroupAccess.CanSee(group, groupViewer),
            "member" => profiles.TryGetValue(match.ItemId, out var profile) && !profile.OptedOutOfDirectory
                && ViewProfile.MayOpen(network, memberId, match.ItemId, profile.Reach),
            _ => false,
        };
        return [.. matches.Where(Visible)];
    }
}
