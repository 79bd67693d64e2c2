using Entregent.Web.Data;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Asks;

/// <summary>
/// What the asked connection does with a request: forward the ask to one of the candidates they know (an introduction
/// awaiting that candidate), suggest someone else, or decline. Once only; only by the connection asked.
/// </summary>
public static class AnswerAskRequest
{
    /// <param name="Candidate">The handle of one of the request's candidates who is still your connection.</param>
    public sealed record ForwardRequest(string? Candidate, string? Note = null);

    /// <param name="Member">The handle of one of your connections.</param>
    public sealed record SuggestRequest(string? Member, string? Note = null);

    public sealed record DeclineRequest(string? Note = null);

    public static Task<IReadOnlyList<ReceivedAskRequest>> InboxAsync(EntregentDb db, NetworkGraph network, long memberId, CancellationToken cancellationToken) =>
        AskViews.ReceivedAsync(db, network, memberId, null, null, cancellationToken);

    public static async Task<Outcome<ReceivedAskRequest>> ForwardAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId,
        long requestId, ForwardRequest request, CancellationToken cancellationToken)
    {
        var (found, note, failure) = await OpenAsync(db, network, memberId, requestId, request.Note, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var candidate = await VisibleMembers.FindAsync(db, network, memberId, request.Candidate, cancellationToken, "candidate");
        if (!candidate.Succeeded)
        {
            return candidate.Failure!;
        }
        var targetId = candidate.Value;
        if (!found!.Request.CandidateIds.Contains(targetId) || !network.AreConnected(memberId, targetId) || network.IsBlocked(found.OwnerId, targetId))
        {
            return Failure.Invalid("candidate", "Forward to one of the people listed in this request who is still your connection.");
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var introduction = new Introduction
        {
            RequesterId = found.OwnerId,
            IntermediaryId = memberId,
            TargetId = targetId,
            Message = found.Text,
            IntermediaryNote = note,
            Status = IntroductionStatus.AwaitingTarget,
            AskId = found.Request.AskId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Introductions.Add(introduction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on open introductions per requester and target.
            return Failure.Conflict("candidate", "An introduction between them is already under way.");
        }
        if (!await MarkAsync(db, requestId, AskRequestStatus.Forwarded, note, targetId, introduction.Id, now, cancellationToken))
        {
            return Answered();
        }
        await transaction.CommitAsync(cancellationToken);
        return await ReloadAsync(db, network, memberId, requestId, cancellationToken);
    }

    public static async Task<Outcome<ReceivedAskRequest>> SuggestAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId,
        long requestId, SuggestRequest request, CancellationToken cancellationToken)
    {
        var (found, note, failure) = await OpenAsync(db, network, memberId, requestId, request.Note, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var member = await VisibleMembers.FindAsync(db, network, memberId, request.Member, cancellationToken, "member");
        if (!member.Succeeded)
        {
            return member.Failure!;
        }
        if (member.Value == found!.OwnerId)
        {
            return Failure.Invalid("member", "Suggest someone other than the member who asks.");
        }
        if (!network.AreConnected(memberId, member.Value) || network.IsBlocked(found.OwnerId, member.Value))
        {
            return Failure.Invalid("member", "Suggest one of your connections.");
        }
        return await MarkAsync(db, requestId, AskRequestStatus.Suggested, note, member.Value, null, time.GetUtcNow(), cancellationToken)
            ? await ReloadAsync(db, network, memberId, requestId, cancellationToken)
            : Answered();
    }

    public static async Task<Outcome<ReceivedAskRequest>> DeclineAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId,
        long requestId, DeclineRequest request, CancellationToken cancellationToken)
    {
        var (_, note, failure) = await OpenAsync(db, network, memberId, requestId, request.Note, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        return await MarkAsync(db, requestId, AskRequestStatus.Declined, note, null, null, time.GetUtcNow(), cancellationToken)
            ? await ReloadAsync(db, network, memberId, requestId, cancellationToken)
            : Answered();
    }

    private sealed record Found(AskRequest Request, long OwnerId, string Text);

    /// <summary>The request if it is this member's, visible, pending and its ask open; else the failure to answer with.</summary>
    private static async Task<(Found? Found, string? Note, Failure? Failure)> OpenAsync(EntregentDb db, NetworkGraph network, long memberId,
        long requestId, string? rawNote, CancellationToken cancellationToken)
    {
        var found = await db.AskRequests.AsNoTracking().Where(r => r.Id == requestId && r.ConnectionId == memberId)
            .Join(db.Asks, r => r.AskId, a => a.Id, (r, a) => new { Request = r, a.OwnerId, a.Text, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || network.IsBlocked(memberId, found.OwnerId))
        {
            return (null, null, Failure.NotFound($"No request has the id {requestId}."));
        }
        var errors = new FieldErrors();
        var note = errors.Text("note", rawNote, AskRequest.NoteMaxLength);
        if (errors.Any)
        {
            return (null, null, errors.ToFailure());
        }
        if (found.Request.Status != AskRequestStatus.Pending)
        {
            return (null, null, Answered());
        }
        if (found.Status != AskStatus.Open)
        {
            return (null, null, Failure.Conflict("status", "This ask has been closed."));
        }
        return (new Found(found.Request, found.OwnerId, found.Text), note, null);
    }

    /// <summary>Moves a pending request to its answer; false when another answer got there first.</summary>
    private static async Task<bool> MarkAsync(EntregentDb db, long requestId, AskRequestStatus status, string? note, long? memberId,
        long? introductionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.AskRequests.Where(r => r.Id == requestId && r.Status == AskRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.ResponseNote, note)
                .SetProperty(r => r.SuggestedMemberId, memberId)
                .SetProperty(r => r.IntroductionId, introductionId)
                .SetProperty(r => r.RespondedAt, now), cancellationToken) == 1;

    private static async Task<Outcome<ReceivedAskRequest>> ReloadAsync(EntregentDb db, NetworkGraph network, long memberId, long requestId,
        CancellationToken cancellationToken) =>
        (await AskViews.ReceivedAsync(db, network, memberId, requestId, null, cancellationToken))[0];

    private static Failure Answered() => Failure.Conflict("status", "You have already answered this request.");
}
