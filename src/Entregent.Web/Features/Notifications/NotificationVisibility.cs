using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>The parts of a stored notification that decide whether it may still be shown.</summary>
public readonly record struct NotificationFacts(long Id, NotificationKind Kind, long? ActorId, string Url);

/// <summary>
/// Decides, when a notification is shown (centre, badge, digest), whether the recipient may still see it: a block
/// since then (either way) hides it, and so does losing the right to read its subject. The subject is read from the
/// link every feature stores (<c>/posts/{id}</c>, <c>/groups/{slug}</c>), so no feature has to pass more to
/// <see cref="Notify.AddAsync"/>; the decision itself is <see cref="PostAccess"/>'s and <see cref="GroupAccess"/>'s.
/// </summary>
public static class NotificationVisibility
{
    public static async Task<HashSet<long>> VisibleAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyCollection<NotificationFacts> notifications, CancellationToken cancellationToken)
    {
        var candidates = notifications.Where(n => n.ActorId is not { } actor || !network.IsBlocked(viewerId, actor)).ToList();
        var postIds = new HashSet<long>();
        var groupSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in candidates)
        {
            switch (SubjectOf(n.Url))
            {
                case (Subject.Post, var id):
                    postIds.Add(long.Parse(id, CultureInfo.InvariantCulture));
                    break;
                case (Subject.Group, var slug):
                    groupSlugs.Add(slug);
                    break;
            }
        }
        if (postIds.Count == 0 && groupSlugs.Count == 0)
        {
            return [.. candidates.Select(n => n.Id)];
        }

        var posts = postIds.Count == 0 ? [] : await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Facts = new PostFacts(p.AuthorId, p.Audience, p.State, p.GroupId,
                    db.Profiles.Where(x => x.MemberId == p.AuthorId).Select(x => x.Reach).FirstOrDefault()),
            })
            .ToDictionaryAsync(p => p.Id, p => p.Facts, cancellationToken);
        var groupIds = posts.Values.Where(p => p.GroupId is not null).Select(p => p.GroupId!.Value).ToHashSet();
        var groups = groupIds.Count == 0 && groupSlugs.Count == 0 ? [] : await db.Groups.AsNoTracking()
            .Where(g => groupIds.Contains(g.Id) || groupSlugs.Contains(g.Slug))
            .Select(g => new { g.Id, g.Slug, Facts = new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal) })
            .ToListAsync(cancellationToken);
        var groupsById = groups.ToDictionary(g => g.Id, g => g.Facts);
        var groupsBySlug = groups.ToDictionary(g => g.Slug, g => g.Facts, StringComparer.Ordinal);
        var viewer = new PostViewer(viewerId, network, await GroupViewer.LoadAsync(db, viewerId, cancellationToken));

        var visible = new HashSet<long>();
        foreach (var n in candidates)
        {
            var shown = SubjectOf(n.Url) switch
            {
                (Subject.Post, var id) => posts.TryGetValue(long.Parse(id, CultureInfo.InvariantCulture), out var post)
                    && PostAccess.CanRead(post, post.GroupId is { } g && groupsById.TryGetValue(g, out var facts) ? facts : null, viewer),
                (Subject.Group, var slug) => groupsBySlug.TryGetValue(slug, out var group) && GroupAccess.CanSee(group, viewer.Groups),
                _ => true,
            };
            if (shown)
            {
                visible.Add(n.Id);
            }
        }
        return visible;
    }

    internal enum Subject
    {
        None,
        Post,
        Group,
    }

    /// <summary>What a notification's link points at: "/posts/12#comment-4" → (Post, "12"); "/groups/acme-devs/members" → (Group, "acme-devs").</summary>
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
        return (Subject.None, "");
    }
}
