using Entregent.Web.Data;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// The moves of an introduction: the intermediary whose turn it is forwards (with a note) or declines; the target
/// accepts — which opens a conversation between everyone on the path — or declines; the requester withdraws while it
/// is open. Each move checks the row's version, so of two racing answers one wins and the other is told (409).
/// </summary>
public static class AnswerIntroduction
{
    /// <param name="Note">Up to 500 characters, plain text, shown to everyone on the introduction.</param>
    public sealed record NoteRequest(string? Note = null);

    public static async Task<Outcome<IntroductionView>> ForwardAsync(EntregentDb db, NetworkGraph network, IntroductionEmails emails,
        TimeProvider time, long memberId, long id, NoteRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var loaded = await LoadWithNoteAsync(db, network, memberId, id, "forward", request, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }
        var (introduction, note) = loaded.Value;
        if (introduction.Status == IntroductionStatus.AwaitingIntermediary)
        {
            introduction.IntermediaryNote = note ?? "";
            introduction.Status = introduction.SecondIntermediaryId is null ? IntroductionStatus.AwaitingTarget : IntroductionStatus.AwaitingSecondIntermediary;
        }
        else
        {
            introduction.SecondIntermediaryNote = note ?? "";
            introduction.Status = IntroductionStatus.AwaitingTarget;
        }
        introduction.UpdatedAt = time.GetUtcNow();
        introduction.RemindedAt = null;
        var turn = IntroductionView.TurnOf(introduction)!.Value;
        await IntroductionNotices.AddAsync(db, time, introduction, turn, memberId,
            turn == introduction.TargetId ? IntroductionEmails.Reason.Proposed : IntroductionEmails.Reason.Asked, cancellationToken);
        var saved = await SaveAsync(db, introduction, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Failure!;
        }
        var next = IntroductionView.TurnOf(introduction)!.Value;
        await emails.SendAsync(db, introduction, next,
            next == introduction.TargetId ? IntroductionEmails.Reason.Proposed : IntroductionEmails.Reason.Asked, cancellationToken);
        return await ViewAsync(db, network, memberId, introduction, cancellationToken);
    }

    public static async Task<Outcome<IntroductionView>> DeclineAsync(EntregentDb db, NetworkGraph network, IntroductionEmails emails,
        TimeProvider time, long memberId, long id, NoteRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var loaded = await LoadWithNoteAsync(db, network, memberId, id, "decline", request, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }
        var (introduction, note) = loaded.Value;
        introduction.Status = IntroductionStatus.Declined;
        introduction.DeclinedById = memberId;
        introduction.ResponseNote = note;
        introduction.ClosedAt = time.GetUtcNow();
        await IntroductionNotices.AddAsync(db, time, introduction, introduction.RequesterId, memberId, IntroductionEmails.Reason.Declined, cancellationToken);
        var saved = await SaveAsync(db, introduction, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Failure!;
        }
        await emails.SendAsync(db, introduction, introduction.RequesterId, IntroductionEmails.Reason.Declined, cancellationToken);
        return await ViewAsync(db, network, memberId, introduction, cancellationToken);
    }

    /// <summary>The target accepts: the introduction closes and a conversation opens, seeded with the request and the notes.</summary>
    public static async Task<Outcome<IntroductionView>> AcceptAsync(EntregentDb db, NetworkGraph network, IntroductionEmails emails,
        TimeProvider time, long memberId, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var loaded = await LoadTurnAsync(db, network, memberId, id, "accept", cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }
        var introduction = loaded.Value!;
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            introduction.Status = IntroductionStatus.Accepted;
            introduction.ClosedAt = now;
            var saved = await SaveAsync(db, introduction, cancellationToken);
            if (!saved.Succeeded)
            {
                return saved.Failure!;
            }
            var names = await db.Profiles.AsNoTracking().Where(p => p.MemberId == introduction.RequesterId || p.MemberId == introduction.TargetId)
                .ToDictionaryAsync(p => p.MemberId, p => p.DisplayName, cancellationToken);
            var participants = new[] { introduction.RequesterId, introduction.IntermediaryId, introduction.SecondIntermediaryId, introduction.TargetId }
                .OfType<long>().ToList();
            var subject = $"{names.GetValueOrDefault(introduction.RequesterId)} ↔ {names.GetValueOrDefault(introduction.TargetId)}";
            // The request first, as it was sent; then the intermediaries' notes in the order they were written.
            var seed = new List<(long Author, string Body, DateTimeOffset At)> { (introduction.RequesterId, introduction.Message, introduction.CreatedAt) };
            if (introduction.IntermediaryNote is { Length: > 0 } first)
            {
                seed.Add((introduction.IntermediaryId, first, now));
            }
            if (introduction.SecondIntermediaryNote is { Length: > 0 } second && introduction.SecondIntermediaryId is { } secondId)
            {
                seed.Add((secondId, second, now));
            }
            var conversation = await StartConversation.ExecuteAsync(db, ConversationKind.Introduction, subject, participants, seed, now, cancellationToken);
            introduction.ConversationId = conversation.Id;
            await IntroductionNotices.AddAsync(db, time, introduction, introduction.RequesterId, memberId, IntroductionEmails.Reason.Accepted, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await emails.SendAsync(db, introduction, introduction.RequesterId, IntroductionEmails.Reason.Accepted, cancellationToken);
        return await ViewAsync(db, network, memberId, introduction, cancellationToken);
    }

    public static async Task<Outcome<IntroductionView>> WithdrawAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId, long id,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadTurnAsync(db, network, memberId, id, "withdraw", cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }
        var introduction = loaded.Value!;
        introduction.Status = IntroductionStatus.Withdrawn;
        introduction.ClosedAt = time.GetUtcNow();
        var saved = await SaveAsync(db, introduction, cancellationToken);
        return saved.Succeeded ? await ViewAsync(db, network, memberId, introduction, cancellationToken) : saved.Failure!;
    }

    /// <summary>The note, checked, and the introduction as <see cref="LoadTurnAsync"/> gives it.</summary>
    private static async Task<Outcome<(Introduction Introduction, string? Note)>> LoadWithNoteAsync(EntregentDb db, NetworkGraph network, long memberId,
        long id, string action, NoteRequest? request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var note = errors.PlainText("note", request?.Note, Introduction.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var loaded = await LoadTurnAsync(db, network, memberId, id, action, cancellationToken);
        return loaded.Succeeded ? (loaded.Value!, note) : loaded.Failure!;
    }

    /// <summary>The introduction, tracked, when the member may take <paramref name="action"/> on it now; 404 when they cannot see it, 409 when it is not theirs to take.</summary>
    private static async Task<Outcome<Introduction>> LoadTurnAsync(EntregentDb db, NetworkGraph network, long memberId, long id, string action,
        CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var role = introduction is null ? null : IntroductionView.RoleOf(introduction, memberId, network);
        if (introduction is null || role is null)
        {
            return Failure.NotFound("No such introduction among yours.");
        }
        var allowed = action switch
        {
            "withdraw" => role == "requester" && introduction.IsOpen,
            "accept" => role == "target" && introduction.Status == IntroductionStatus.AwaitingTarget,
            "forward" => role != "target" && role != "requester" && IntroductionView.TurnOf(introduction) == memberId,
            _ => role != "requester" && IntroductionView.TurnOf(introduction) == memberId,
        };
        if (!allowed)
        {
            return Failure.Conflict("status", introduction.IsOpen
                ? $"You cannot {action} this introduction now."
                : $"This introduction is already {introduction.Status.ToString().ToLowerInvariant()}.");
        }
        return introduction;
    }

    private static async Task<Outcome<bool>> SaveAsync(EntregentDb db, Introduction introduction, CancellationToken cancellationToken)
    {
        introduction.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("status", "Someone answered this introduction at the same time; reload it.");
        }
    }

    private static async Task<Outcome<IntroductionView>> ViewAsync(EntregentDb db, NetworkGraph network, long memberId, Introduction introduction,
        CancellationToken cancellationToken) =>
        (await IntroductionView.LoadAsync(db, network, memberId, [introduction], cancellationToken))[0];
}
