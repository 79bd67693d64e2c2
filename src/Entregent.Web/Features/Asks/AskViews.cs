using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Asks;

public sealed record AskOrganization(string Name, string Slug);

public sealed record AskSummary(long Id, string Text, IReadOnlyList<string> Skills, string? Location, AskOrganization? Organization,
    AskStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, int RequestCount);

/// <summary>A request as its owner sees it: who was asked, what they answered, whom they suggested.</summary>
public sealed record AskRequestView(long Id, MemberCard Connection, AskRequestStatus Status, int CandidateCount, string? Note,
    string? ResponseNote, MemberCard? Suggested, long? IntroductionId, DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

/// <summary>The owner's view: the ask, its live groups, and every request sent.</summary>
public sealed record AskView(AskSummary Ask, IReadOnlyList<AskGroup> Groups, IReadOnlyList<AskRequestView> Requests);

/// <summary>
/// A request as the asked connection sees it: the ask's text, who asks, and the candidates they still know — never the
/// rest of the ask's groups or the other requests.
/// </summary>
public sealed record ReceivedAskRequest(long Id, long AskId, string Text, MemberCard Owner, bool AskOpen, AskRequestStatus Status,
    string? Note, IReadOnlyList<MemberCard> Candidates, string? ResponseNote, MemberCard? Suggested, long? IntroductionId,
    DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

/// <summary>GET /asks/{id}: <see cref="Ask"/> for its owner, <see cref="Request"/> for an asked connection.</summary>
public sealed record AskDetails(AskView? Ask, ReceivedAskRequest? Request);

/// <summary>Loading asks and requests as one member may see them; blocked either way reads as absent.</summary>
internal static class AskViews
{
    public static async Task<IReadOnlyList<AskSummary>> SummariesAsync(EntregentDb db, IQueryable<Ask> asks, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in asks.AsNoTracking()
                join o in db.Organizations on a.OrganizationId equals o.Id into organizations
                from o in organizations.DefaultIfEmpty()
                select new { Ask = a, OrganizationName = o == null ? null : o.Name, OrganizationSlug = o == null ? null : o.Slug,
                    Requests = db.AskRequests.Count(r => r.AskId == a.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AskSummary(r.Ask.Id, r.Ask.Text, r.Ask.Skills, r.Ask.Location,
            r.OrganizationSlug is null ? null : new AskOrganization(r.OrganizationName!, r.OrganizationSlug), r.Ask.Status,
            r.Ask.CreatedAt, r.Ask.ClosedAt, r.Requests)).ToList();
    }

    public static async Task<IReadOnlyList<AskRequestView>> RequestsAsync(EntregentDb db, NetworkGraph network, long ownerId, long askId,
        CancellationToken cancellationToken)
    {
        var requests = await db.AskRequests.AsNoTracking().Where(r => r.AskId == askId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.ConnectionId).Concat(requests.Where(r => r.SuggestedMemberId is not null).Select(r => r.SuggestedMemberId!.Value)).ToList();
        var cards = await VisibleCardsAsync(db, network, ownerId, ids, cancellationToken);
        return requests.Where(r => cards.ContainsKey(r.ConnectionId))
            .Select(r => new AskRequestView(r.Id, cards[r.ConnectionId], r.Status, r.CandidateIds.Count, r.Note, r.ResponseNote,
                r.SuggestedMemberId is { } s ? cards.GetValueOrDefault(s) : null, r.IntroductionId, r.CreatedAt, r.RespondedAt))
            .ToList();
    }

    /// <summary>The requests <paramref name="connectionId"/> received (one, or all), as they see them.</summary>
    public static async Task<IReadOnlyList<ReceivedAskRequest>> ReceivedAsync(EntregentDb db, NetworkGraph network, long connectionId,
        long? requestId, long? askId, CancellationToken cancellationToken)
    {
        var query = db.AskRequests.AsNoTracking().Where(r => r.ConnectionId == connectionId);
        if (requestId is { } id)
        {
            query = query.Where(r => r.Id == id);
        }
        if (askId is { } ask)
        {
            query = query.Where(r => r.AskId == ask);
        }
        var rows = await query.Join(db.Asks, r => r.AskId, a => a.Id, (r, a) => new { Request = r, a.OwnerId, a.Text, a.Status })
            .OrderByDescending(x => x.Request.CreatedAt).ThenByDescending(x => x.Request.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        rows = rows.Where(x => !network.IsBlocked(connectionId, x.OwnerId)).ToList();
        var ids = rows.SelectMany(x => x.Request.CandidateIds.Append(x.OwnerId)
            .Concat(x.Request.SuggestedMemberId is { } s ? [s] : [])).ToList();
        var cards = await VisibleCardsAsync(db, network, connectionId, ids, cancellationToken);
        return rows.Where(x => cards.ContainsKey(x.OwnerId)).Select(x => new ReceivedAskRequest(x.Request.Id, x.Request.AskId, x.Text, cards[x.OwnerId],
                x.Status == AskStatus.Open, x.Request.Status, x.Request.Note,
                // Only the candidates they still know: a connection removed since is no longer theirs to introduce.
                x.Request.CandidateIds.Where(c => cards.ContainsKey(c) && network.AreConnected(connectionId, c)).Select(c => cards[c]).ToList(),
                x.Request.ResponseNote, x.Request.SuggestedMemberId is { } s ? cards.GetValueOrDefault(s) : null, x.Request.IntroductionId,
                x.Request.CreatedAt, x.Request.RespondedAt))
            .ToList();
    }

    /// <summary>Cards of the members the viewer may see (<see cref="ViewProfile.MayOpen"/>), in one query.</summary>
    public static async Task<IReadOnlyDictionary<long, MemberCard>> VisibleCardsAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<long, MemberCard>();
        }
        var reach = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId)).Select(p => new { p.MemberId, p.Reach })
            .ToListAsync(cancellationToken);
        var visible = reach.Where(r => ViewProfile.MayOpen(network, viewerId, r.MemberId, r.Reach)).Select(r => r.MemberId).ToList();
        return await MemberCards.LoadAsync(db, network, viewerId, visible, cancellationToken);
    }
}
