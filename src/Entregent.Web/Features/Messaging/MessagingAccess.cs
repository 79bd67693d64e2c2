using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>Where a new conversation from one member lands for another, or whether it may not be written at all.</summary>
public enum WriteStanding
{
    /// <summary>Not allowed: neither connected, nor fellow group members, nor joined by an introduction; or blocked either way.</summary>
    Refused = 0,

    /// <summary>Connections, and members an accepted introduction joined: straight to the inbox.</summary>
    Inbox = 1,

    /// <summary>Fellow members of a group, not connected: the recipient's requests folder, until they accept.</summary>
    Requests = 2,
}

/// <summary>
/// The one rule for who may write to whom (DESIGN: "Messages: to 1st-degree connections and fellow group or circle
/// members; anyone else through an introduction"). It decides who may be put in a new conversation; once in one, its
/// participants write there until they leave or a block stands between two of them (<see cref="SendMessage"/>).
/// </summary>
public static class MessagingAccess
{
    public const string RefusedDetail =
        "You can write to your connections, to fellow members of your groups and to members an introduction joined you with. Connect, or ask for an introduction.";

    /// <summary>
    /// The standing of each of <paramref name="recipientIds"/> towards a conversation <paramref name="authorId"/> starts.
    /// Connections and blocks come from the graph; introductions and shared groups cost three queries, plus two per
    /// recipient who shares a group with the author without being a connection (each side must still see the group:
    /// an internal group's member may have lost their verification).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, WriteStanding>> StandingsAsync(EntregentDb db, NetworkGraph network, long authorId,
        IReadOnlyCollection<long> recipientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(network);
        var result = new Dictionary<long, WriteStanding>();
        var undecided = new List<long>();
        foreach (var id in recipientIds.Distinct())
        {
            if (id == authorId || network.IsBlocked(authorId, id))
            {
                result[id] = WriteStanding.Refused;
            }
            else if (network.AreConnected(authorId, id))
            {
                result[id] = WriteStanding.Inbox;
            }
            else
            {
                undecided.Add(id);
            }
        }
        if (undecided.Count == 0)
        {
            return result;
        }

        // An accepted introduction joins everyone on its path: requester, intermediaries and target.
        var introductions = await db.Introductions.AsNoTracking()
            .Where(i => i.Status == IntroductionStatus.Accepted
                && (i.RequesterId == authorId || i.IntermediaryId == authorId || i.SecondIntermediaryId == authorId || i.TargetId == authorId))
            .Select(i => new { i.RequesterId, i.IntermediaryId, i.SecondIntermediaryId, i.TargetId }).ToListAsync(cancellationToken);
        var introduced = introductions.SelectMany(i => new[] { i.RequesterId, i.IntermediaryId, i.SecondIntermediaryId ?? 0, i.TargetId }).ToHashSet();
        foreach (var id in undecided.Where(introduced.Contains).ToList())
        {
            result[id] = WriteStanding.Inbox;
            undecided.Remove(id);
        }
        if (undecided.Count == 0)
        {
            return result;
        }

        var shared = await db.GroupMemberships.AsNoTracking()
            .Where(m => undecided.Contains(m.MemberId) && m.State == GroupMembershipState.Member
                && db.GroupMemberships.Any(a => a.GroupId == m.GroupId && a.MemberId == authorId && a.State == GroupMembershipState.Member))
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.MemberId, Facts = new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal) })
            .ToListAsync(cancellationToken);
        var author = shared.Count == 0 ? null : await GroupViewer.LoadAsync(db, authorId, cancellationToken);
        foreach (var id in undecided)
        {
            var groups = shared.Where(s => s.MemberId == id && GroupAccess.CanPost(s.Facts, author!)).Select(s => s.Facts).ToList();
            var fellow = false;
            if (groups.Count > 0)
            {
                var recipient = await GroupViewer.LoadAsync(db, id, cancellationToken);
                fellow = groups.Any(g => GroupAccess.CanPost(g, recipient));
            }
            result[id] = fellow ? WriteStanding.Requests : WriteStanding.Refused;
        }
        return result;
    }

    /// <summary>The standing of one recipient; see <see cref="StandingsAsync"/>.</summary>
    public static async Task<WriteStanding> StandingAsync(EntregentDb db, NetworkGraph network, long authorId, long recipientId,
        CancellationToken cancellationToken) =>
        (await StandingsAsync(db, network, authorId, [recipientId], cancellationToken))[recipientId];
}
