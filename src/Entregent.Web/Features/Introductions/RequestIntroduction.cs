using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// "You know them: could you introduce me?" Asks a 1st-degree connection to introduce the requester to a 2nd- or
/// 3rd-degree member. For a 3rd-degree target the request goes on through the intermediary's connection who knows the
/// target (the strongest such), who becomes the second intermediary.
/// </summary>
public static class RequestIntroduction
{
    /// <param name="To">The target's handle.</param>
    /// <param name="Through">The intermediary's handle: one of the requester's connections; default the proposed (strongest) path's.</param>
    /// <param name="Message">Why the requester wants to meet the target; plain text, up to 1,000 characters.</param>
    public sealed record Request(string? To, string? Through, string? Message);

    public static async Task<Outcome<IntroductionView>> ExecuteAsync(EntregentDb db, NetworkGraph network, IntroductionEmails emails,
        IOptions<IntroductionOptions> options, TimeProvider time, long requesterId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var message = errors.PlainText("message", request.Message, Introduction.MessageMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var found = await VisibleMembers.FindAsync(db, network, requesterId, request.To, cancellationToken, "to");
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var targetId = found.Value;
        if (targetId == requesterId)
        {
            return Failure.Invalid("to", "You cannot be introduced to yourself.");
        }
        var degree = network.Badge(requesterId, targetId).Degree;
        if (degree == Degree.First)
        {
            return Failure.Invalid("to", "You are already connected with this member.");
        }
        var paths = FindIntroductionPaths.Paths(network, requesterId, targetId, 100);
        if (degree == Degree.None || paths.Count == 0)
        {
            return Failure.Invalid("to", "Nobody you know within three degrees knows this member.");
        }

        long intermediaryId;
        if (string.IsNullOrWhiteSpace(request.Through))
        {
            intermediaryId = paths[0][1];
        }
        else
        {
            var through = await VisibleMembers.FindAsync(db, network, requesterId, request.Through, cancellationToken, "through");
            if (!through.Succeeded || !network.AreConnected(requesterId, through.Value) || network.IsBlocked(requesterId, through.Value))
            {
                return Failure.Invalid("through", "Choose one of your connections as the intermediary.");
            }
            intermediaryId = through.Value;
        }
        // A 2nd-degree target: the intermediary knows them. A 3rd-degree one: the intermediary knows someone who does,
        // the strongest such by the path ranking.
        var path = paths.FirstOrDefault(p => p[1] == intermediaryId && p.Count == (int)degree + 1);
        if (path is null)
        {
            return Failure.Invalid("through", degree == Degree.Second
                ? "This connection does not know the member; choose one who does."
                : "This connection knows nobody who knows the member; choose another.");
        }
        long? secondIntermediaryId = path.Count == 4 ? path[2] : null;

        if (await db.Introductions.AnyAsync(i => i.RequesterId == requesterId && i.TargetId == targetId
                && (i.Status == IntroductionStatus.AwaitingIntermediary || i.Status == IntroductionStatus.AwaitingSecondIntermediary
                    || i.Status == IntroductionStatus.AwaitingTarget), cancellationToken))
        {
            return Failure.Conflict("to", "You already asked for an introduction to this member.");
        }
        var settings = options.Value;
        var now = time.GetUtcNow();
        var weekAgo = now.AddDays(-7);
        var thisWeek = await db.Introductions.Where(i => i.RequesterId == requesterId && i.CreatedAt > weekAgo)
            .OrderBy(i => i.CreatedAt).Select(i => i.CreatedAt).Take(settings.WeeklyLimit).ToListAsync(cancellationToken);
        if (thisWeek.Count >= settings.WeeklyLimit)
        {
            var from = thisWeek[0].AddDays(7);
            return Failure.TooManyRequests(
                $"You can ask for {settings.WeeklyLimit} introductions a week; you can ask for more from {from:yyyy-MM-dd HH:mm} UTC.", from - now);
        }

        var introduction = new Introduction
        {
            RequesterId = requesterId,
            IntermediaryId = intermediaryId,
            SecondIntermediaryId = secondIntermediaryId,
            TargetId = targetId,
            Message = message!,
            Status = IntroductionStatus.AwaitingIntermediary,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Introductions.Add(introduction);
        await IntroductionNotices.AddAsync(db, time, introduction, intermediaryId, requesterId, IntroductionEmails.Reason.Asked, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on open introductions: the same request sent twice at once.
            return Failure.Conflict("to", "You already asked for an introduction to this member.");
        }
        await emails.SendAsync(db, introduction, intermediaryId, IntroductionEmails.Reason.Asked, cancellationToken);
        return (await IntroductionView.LoadAsync(db, network, requesterId, [introduction], cancellationToken))[0];
    }
}
