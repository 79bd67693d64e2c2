using System.Linq.Expressions;
using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>One step of an introduction: requested, forwarded, accepted, declined, expired or withdrawn.</summary>
/// <param name="At">When; null for a forward followed by another step (the store keeps only the last forward's time).</param>
/// <param name="By">Who took the step; null for an expiry.</param>
public sealed record TimelineEntry(string Kind, MemberCard? By, DateTimeOffset? At, string? Note);

/// <summary>An introduction as one of its participants sees it, with what they may do now.</summary>
/// <param name="Role">The viewer's part: requester, intermediary, secondIntermediary or target.</param>
/// <param name="Actions">What the viewer may do now: forward, decline, accept, withdraw, connect.</param>
public sealed record IntroductionView(
    long Id,
    IntroductionStatus Status,
    string Role,
    MemberCard Requester,
    MemberCard Intermediary,
    MemberCard? SecondIntermediary,
    MemberCard Target,
    string Message,
    IReadOnlyList<TimelineEntry> Timeline,
    long? ConversationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<string> Actions)
{
    /// <summary>Whose turn it is for an open introduction; null once closed.</summary>
    public static long? TurnOf(Introduction introduction)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        return introduction.Status switch
        {
            IntroductionStatus.AwaitingIntermediary => introduction.IntermediaryId,
            IntroductionStatus.AwaitingSecondIntermediary => introduction.SecondIntermediaryId,
            IntroductionStatus.AwaitingTarget => introduction.TargetId,
            _ => null,
        };
    }

    /// <summary>
    /// The viewer's part in the introduction, or null when they may not see it: the second intermediary sees it once
    /// forwarded to them, the target once it reached them; nobody sees it across a block with either end.
    /// </summary>
    public static string? RoleOf(Introduction introduction, long viewerId, NetworkGraph network)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(network);
        var role = viewerId == introduction.RequesterId ? "requester"
            : viewerId == introduction.IntermediaryId ? "intermediary"
            : viewerId == introduction.SecondIntermediaryId && introduction.IntermediaryNote is not null ? "secondIntermediary"
            : viewerId == introduction.TargetId && ReachedTarget(introduction) ? "target"
            : null;
        if (role is null
            || (viewerId != introduction.RequesterId && network.IsBlocked(viewerId, introduction.RequesterId))
            || (viewerId != introduction.TargetId && network.IsBlocked(viewerId, introduction.TargetId)))
        {
            return null;
        }
        return role;
    }

    /// <summary><see cref="RoleOf"/>'s rule as a query, for lists (blocks are filtered apart).</summary>
    public static Expression<Func<Introduction, bool>> VisibleTo(long memberId) => i =>
        i.RequesterId == memberId || i.IntermediaryId == memberId
        || (i.SecondIntermediaryId == memberId && i.IntermediaryNote != null)
        || (i.TargetId == memberId && (i.SecondIntermediaryId == null ? i.IntermediaryNote != null : i.SecondIntermediaryNote != null));

    /// <summary>Those waiting for the member to act.</summary>
    public static Expression<Func<Introduction, bool>> ToActOn(long memberId) => i =>
        (i.IntermediaryId == memberId && i.Status == IntroductionStatus.AwaitingIntermediary)
        || (i.SecondIntermediaryId == memberId && i.Status == IntroductionStatus.AwaitingSecondIntermediary)
        || (i.TargetId == memberId && i.Status == IntroductionStatus.AwaitingTarget);

    private static bool ReachedTarget(Introduction i) =>
        (i.SecondIntermediaryId is null ? i.IntermediaryNote : i.SecondIntermediaryNote) is not null;

    public static async Task<IReadOnlyList<IntroductionView>> LoadAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyList<Introduction> introductions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        var ids = introductions.SelectMany(i => new[] { i.RequesterId, i.IntermediaryId, i.SecondIntermediaryId ?? i.IntermediaryId, i.TargetId }).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, ids, cancellationToken);
        var result = new List<IntroductionView>(introductions.Count);
        foreach (var i in introductions)
        {
            var role = RoleOf(i, viewerId, network);
            if (role is null || !cards.ContainsKey(i.RequesterId) || !cards.ContainsKey(i.IntermediaryId) || !cards.ContainsKey(i.TargetId))
            {
                continue;
            }
            var second = i.SecondIntermediaryId is { } s ? cards.GetValueOrDefault(s) : null;
            result.Add(new IntroductionView(i.Id, i.Status, role, cards[i.RequesterId], cards[i.IntermediaryId], second, cards[i.TargetId],
                i.Message, BuildTimeline(i, cards), i.Status == IntroductionStatus.Accepted ? i.ConversationId : null, i.CreatedAt, i.ClosedAt,
                ActionsFor(i, viewerId, role, network)));
        }
        return result;
    }

    private static List<TimelineEntry> BuildTimeline(Introduction i, IReadOnlyDictionary<long, MemberCard> cards)
    {
        var timeline = new List<TimelineEntry> { new("requested", cards[i.RequesterId], i.CreatedAt, i.Message) };
        var lastForwardIsSecond = i.SecondIntermediaryNote is not null;
        if (i.IntermediaryNote is { } first)
        {
            timeline.Add(new("forwarded", cards[i.IntermediaryId], lastForwardIsSecond ? null : i.UpdatedAt, NullIfEmpty(first)));
        }
        if (i.SecondIntermediaryNote is { } note && i.SecondIntermediaryId is { } secondId)
        {
            timeline.Add(new("forwarded", cards.GetValueOrDefault(secondId), i.UpdatedAt, NullIfEmpty(note)));
        }
        switch (i.Status)
        {
            case IntroductionStatus.Accepted:
                timeline.Add(new("accepted", cards[i.TargetId], i.ClosedAt, null));
                break;
            case IntroductionStatus.Declined:
                timeline.Add(new("declined", i.DeclinedById is { } by ? cards.GetValueOrDefault(by) : null, i.ClosedAt, i.ResponseNote));
                break;
            case IntroductionStatus.Expired:
                timeline.Add(new("expired", null, i.ClosedAt, null));
                break;
            case IntroductionStatus.Withdrawn:
                timeline.Add(new("withdrawn", cards[i.RequesterId], i.ClosedAt, null));
                break;
            default:
                break;
        }
        return timeline;
    }

    private static List<string> ActionsFor(Introduction i, long viewerId, string role, NetworkGraph network)
    {
        var actions = new List<string>();
        if (TurnOf(i) == viewerId && role != "requester")
        {
            actions.Add(role == "target" ? "accept" : "forward");
            actions.Add("decline");
        }
        if (role == "requester" && i.IsOpen)
        {
            actions.Add("withdraw");
        }
        if (i.Status == IntroductionStatus.Accepted && role is ("requester" or "target") && !network.AreConnected(i.RequesterId, i.TargetId))
        {
            actions.Add("connect");
        }
        return actions;
    }

    private static string? NullIfEmpty(string note) => note.Length == 0 ? null : note;
}
