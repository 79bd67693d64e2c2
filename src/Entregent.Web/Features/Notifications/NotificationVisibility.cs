using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>The parts of a stored notification that decide whether it may still be shown.</summary>
public readonly record struct NotificationFacts(long Id, NotificationKind Kind, long? ActorId, string Url);

/// <summary>
/// Decides, when a notification is shown (centre, badge, digest), whether the recipient may still see it: a block
/// since then (either way) hides it, and so does losing the right to see its subject. The subject is read from the
/// link every feature stores (<c>/posts/{id}</c>, <c>/groups/{slug}</c>, <c>/in/{handle}</c>), so no feature has to pass
/// more to <see cref="Notify.AddAsync"/>; the decision itself is <see cref="PostAccess"/>'s, <see cref="GroupAccess"/>'s and
/// <see cref="ViewProfile.MayOpen"/>'s (a member who narrowed their profile's reach since is no longer shown; a watch's
/// match also goes when its member leaves the directory, as on the watch's page).
/// </summary>
public static class NotificationVisibility
{
    public static async Task<HashSet<long>> VisibleAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyCollection<NotificationFacts> notifications, CancellationToken cancellationToken)
    {
        var candidates = notifications.Where(n => n.ActorId is not { } actor || !network.IsBlocked(viewerId, actor))
            .Select(n => (Notification: n, Subject: SubjectOf(n.Url))).ToList();
        var postIds = Keys(Subject.Post).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        var groupSlugs = Keys(Subject.Group).ToList();
        var handles = Keys(Subject.Member).ToList();
        if (postIds.Count == 0 && groupSlugs.Count == 0 && handles.Count == 0)
        {
            return [.. candidates.Select(c => c.Notification.Id)];
        }

        var posts = postIds.Count == 0 ? [] : (await PostReading.FindAsync(db, db.Posts.Where(p => postIds.Contains(p.Id)), cancellationToken))
            .ToDictionary(p => p.Id);
        var groups = groupSlugs.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => groupSlugs.Contains(g.Slug))
            .ToDictionaryAsync(g => g.Slug, g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal), StringComparer.Ordinal, cancellationToken);
        // A profile link with an actor is about the actor (career news, an accepted invitation): found by id, so a
        // handle changed since does not lose the notification. Without one (a watch's match), by the handle.
        var actors = candidates.Where(c => c.Subject.Kind == Subject.Member && c.Notification.ActorId is not null)
            .Select(c => c.Notification.ActorId!.Value).Distinct().ToList();
        var profiles = handles.Count == 0 ? [] : await db.Profiles.AsNoTracking().Where(p => handles.Contains(p.Handle) || actors.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Handle, p.Reach, p.OptedOutOfDirectory }).ToListAsync(cancellationToken);
        var byId = profiles.ToDictionary(p => p.MemberId);
        var byHandle = profiles.ToDictionary(p => p.Handle, StringComparer.Ordinal);
        var viewer = new PostViewer(viewerId, network, await GroupViewer.LoadAsync(db, viewerId, cancellationToken));

        return [.. candidates.Where(c => c.Subject switch
        {
            (Subject.Post, var id) => posts.TryGetValue(long.Parse(id, CultureInfo.InvariantCulture), out var post)
                && PostAccess.CanRead(post.Facts, post.Group, viewer),
            (Subject.Group, var slug) => groups.TryGetValue(slug, out var group) && GroupAccess.CanSee(group, viewer.Groups),
            (Subject.Member, var handle) => (c.Notification.ActorId is { } actor ? byId.GetValueOrDefault(actor) : byHandle.GetValueOrDefault(handle)) is { } member
                && ViewProfile.MayOpen(network, viewerId, member.MemberId, member.Reach)
                && !(member.OptedOutOfDirectory && c.Notification.Kind == NotificationKind.WatchMatch),
            _ => true,
        }).Select(c => c.Notification.Id)];

        IEnumerable<string> Keys(Subject kind) => candidates.Where(c => c.Subject.Kind == kind).Select(c => c.Subject.Key).Distinct(StringComparer.Ordinal);
    }

    internal enum Subject
    {
        None,
        Post,
        Group,
        Member,
    }

    /// <summary>
    /// What a notification's link points at: "/posts/12#comment-4" → (Post, "12"); "/groups/acme-devs/members" →
    /// (Group, "acme-devs"); "/in/ada-lovelace" → (Member, "ada-lovelace").
    /// </summary>
    internal static (Subject Kind, string Key) SubjectOf(string url)
    {
        var path = url.Split('#', '?')[0];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] == "posts" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (Subject.Post, parts[1]);
        }
        if (parts.Length >= 2 && parts[0] == "groups" && parts[1] != "new")
        {
            return (Subject.Group, parts[1].ToLowerInvariant());
        }
        if (parts.Length >= 2 && parts[0] == "in")
        {
            return (Subject.Member, parts[1].ToLowerInvariant());
        }
        return (Subject.None, "");
    }
}
