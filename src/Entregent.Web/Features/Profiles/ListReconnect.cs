using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Profiles;

/// <summary>What changed for a connection since we last interacted: their newest position since then.</summary>
public sealed record ReconnectChange(string Title, OrganizationRef Organization, string StartMonth, bool Current, DateTimeOffset ChangedAt);

/// <summary>A connection worth a word: quiet for long, and their position changed since ("now Head of Sales at Acme since March 2026").</summary>
public sealed record ReconnectItem(MemberCard Member, DateTimeOffset LastInteractionAt, ReconnectChange Change, string MessageUrl);

/// <summary>
/// "Reconnect": my connections with no interaction for <see cref="NotificationOptions.ReconnectAfterDays"/> (180) days
/// whose position changed since, newest change first. An interaction is a message either way
/// (<c>Correspondence</c>), an endorsement or recommendation between us (written, asked for or decided), or the
/// connection itself. A position changed since when it was added, or started, after the last interaction; the
/// change is dated by its start when that is later, else by when it was added.
/// </summary>
public static class ListReconnect
{
    public const int MaxResults = 200;

    public static async Task<IReadOnlyList<ReconnectItem>> ExecuteAsync(EntregentDb db, NetworkGraph network, IOptions<NotificationOptions> options,
        TimeProvider time, long viewerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var quietSince = now.AddDays(-options.Value.ReconnectAfterDays);
        var connections = await db.Connections.AsNoTracking().Where(c => c.MemberId == viewerId || c.OtherMemberId == viewerId)
            .Select(c => new { Id = c.MemberId == viewerId ? c.OtherMemberId : c.MemberId, c.CreatedAt }).ToListAsync(cancellationToken);
        var last = connections.Where(c => c.CreatedAt < quietSince).ToDictionary(c => c.Id, c => c.CreatedAt);
        if (last.Count == 0)
        {
            return [];
        }
        void Touch(long other, DateTimeOffset at)
        {
            if (last.TryGetValue(other, out var known) && at > known)
            {
                last[other] = at;
            }
        }
        foreach (var c in await db.Correspondence.AsNoTracking().Where(c => c.FromId == viewerId || c.ToId == viewerId)
                     .Select(c => new { Other = c.FromId == viewerId ? c.ToId : c.FromId, c.LastMessageAt }).ToListAsync(cancellationToken))
        {
            Touch(c.Other, c.LastMessageAt);
        }
        foreach (var e in await db.Endorsements.AsNoTracking().Where(e => e.EndorserId == viewerId || e.MemberId == viewerId)
                     .Select(e => new { Other = e.EndorserId == viewerId ? e.MemberId : e.EndorserId, e.CreatedAt }).ToListAsync(cancellationToken))
        {
            Touch(e.Other, e.CreatedAt);
        }
        foreach (var r in await db.Recommendations.AsNoTracking().Where(r => r.AuthorId == viewerId || r.RecipientId == viewerId)
                     .Select(r => new { Other = r.AuthorId == viewerId ? r.RecipientId : r.AuthorId, r.CreatedAt, r.WrittenAt, r.DecidedAt })
                     .ToListAsync(cancellationToken))
        {
            Touch(r.Other, new[] { r.CreatedAt, r.WrittenAt ?? r.CreatedAt, r.DecidedAt ?? r.CreatedAt }.Max());
        }
        var quiet = last.Where(l => l.Value < quietSince).Select(l => l.Key).ToList();
        if (quiet.Count == 0)
        {
            return [];
        }
        var reach = await db.Profiles.AsNoTracking().Where(p => quiet.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, p => p.Reach, cancellationToken);
        var visible = quiet.Where(id => reach.TryGetValue(id, out var r) && ViewProfile.MayOpen(network, viewerId, id, r)).ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => visible.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Title, p.Organization!.Name, p.Organization.Slug, p.StartMonth, p.EndMonth, p.CreatedAt })
            .ToListAsync(cancellationToken);
        var changes = new Dictionary<long, ReconnectChange>();
        foreach (var p in positions)
        {
            var since = last[p.MemberId];
            var started = new DateTimeOffset(p.StartMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (p.CreatedAt <= since && started <= since)
            {
                continue;
            }
            var changedAt = started > since ? started : p.CreatedAt;
            if (!changes.TryGetValue(p.MemberId, out var known) || changedAt > known.ChangedAt)
            {
                changes[p.MemberId] = new ReconnectChange(p.Title, new OrganizationRef(p.Name, p.Slug), Months.Format(p.StartMonth), p.EndMonth is null, changedAt);
            }
        }
        var ordered = changes.OrderByDescending(c => c.Value.ChangedAt).ThenBy(c => c.Key).Take(MaxResults).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, ordered.Select(c => c.Key).ToList(), cancellationToken);
        return ordered.Where(c => cards.ContainsKey(c.Key))
            .Select(c => new ReconnectItem(cards[c.Key], last[c.Key], c.Value, "/messages/new?to=" + Uri.EscapeDataString(cards[c.Key].Handle)))
            .ToList();
    }
}
