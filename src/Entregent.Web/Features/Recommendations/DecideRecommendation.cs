using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Recommendations;

/// <summary>
/// The recipient approves what was written (then it is shown), hides or shows it again later, or declines it; the
/// author declines a request or withdraws what is not yet approved. Repeating a decision already taken (a double
/// click) answers as the first did; a decision the state does not allow is a conflict.
/// </summary>
public static class DecideRecommendation
{
    private const string NotReceived = "No such recommendation among those you received.";

    public static Task<Outcome<RecommendationView>> ApproveAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long memberId, long id, CancellationToken cancellationToken) =>
        MoveAsync(db, network, markdown, time, memberId, id, RecommendationStatus.Pending, RecommendationStatus.Approved, cancellationToken);

    public static Task<Outcome<RecommendationView>> HideAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long memberId, long id, CancellationToken cancellationToken) =>
        MoveAsync(db, network, markdown, time, memberId, id, RecommendationStatus.Approved, RecommendationStatus.Hidden, cancellationToken);

    public static Task<Outcome<RecommendationView>> ShowAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long memberId, long id, CancellationToken cancellationToken) =>
        MoveAsync(db, network, markdown, time, memberId, id, RecommendationStatus.Hidden, RecommendationStatus.Approved, cancellationToken);

    /// <summary>
    /// The author declines a request; the recipient declines what was written, or cancels their own request. Either
    /// way it is closed for good, and a new one can be asked for or written.
    /// </summary>
    public static async Task<Outcome<RecommendationView>> DeclineAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long memberId, long id, CancellationToken cancellationToken)
    {
        var recommendation = await RecommendationAccess.FindAsync(db, network, memberId, id, asAuthor: null, cancellationToken);
        if (recommendation is null)
        {
            return Failure.NotFound("No such recommendation among yours.");
        }
        var allowed = recommendation.AuthorId == memberId
            ? recommendation.Status == RecommendationStatus.Requested
            : recommendation.Status is RecommendationStatus.Requested or RecommendationStatus.Pending;
        if (recommendation.Status != RecommendationStatus.Declined)
        {
            if (!allowed)
            {
                return Failure.Conflict("status", recommendation.AuthorId == memberId
                    ? $"This recommendation is {WriteRecommendation.Describe(recommendation.Status)}: only a request can be declined (withdraw what you wrote instead)."
                    : $"This recommendation is {WriteRecommendation.Describe(recommendation.Status)}: hide it instead.");
            }
            recommendation.Status = RecommendationStatus.Declined;
            recommendation.DecidedAt = time.GetUtcNow();
            recommendation.Version++;
            if (await WriteRecommendation.SaveAsync(db, "status", cancellationToken) is { } failure)
            {
                return failure;
            }
        }
        return (await RecommendationView.LoadAsync(db, network, markdown, memberId, [recommendation], cancellationToken))[0];
    }

    /// <summary>The author takes back a request received or what they wrote, until it is approved.</summary>
    public static async Task<Outcome<bool>> WithdrawAsync(EntregentDb db, NetworkGraph network, long memberId, long id, CancellationToken cancellationToken)
    {
        var recommendation = await RecommendationAccess.FindAsync(db, network, memberId, id, asAuthor: true, cancellationToken);
        if (recommendation is null)
        {
            return Failure.NotFound("No such recommendation among those you write.");
        }
        if (recommendation.Status is RecommendationStatus.Approved or RecommendationStatus.Hidden)
        {
            return Failure.Conflict("status", "This recommendation was approved: only its recipient can hide it now.");
        }
        db.Recommendations.Remove(recommendation);
        return await WriteRecommendation.SaveAsync(db, "status", cancellationToken) is { } failure ? failure : true;
    }

    private static async Task<Outcome<RecommendationView>> MoveAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long memberId, long id, RecommendationStatus from, RecommendationStatus to, CancellationToken cancellationToken)
    {
        var recommendation = await RecommendationAccess.FindAsync(db, network, memberId, id, asAuthor: false, cancellationToken);
        if (recommendation is null)
        {
            return Failure.NotFound(NotReceived);
        }
        if (recommendation.Status != to)
        {
            if (recommendation.Status != from)
            {
                return Failure.Conflict("status",
                    $"This recommendation is {WriteRecommendation.Describe(recommendation.Status)}; only one that is {WriteRecommendation.Describe(from)} can become {WriteRecommendation.Describe(to)}.");
            }
            if (from == RecommendationStatus.Pending && to == RecommendationStatus.Approved)
            {
                await Notify.AddAsync(db, time, recommendation.AuthorId, NotificationKind.Recommendation, memberId,
                    "approved your recommendation: it shows on their profile", "/me/recommendations", $"recommendation-approved:{recommendation.Id}", cancellationToken);
            }
            recommendation.Status = to;
            recommendation.DecidedAt = time.GetUtcNow();
            recommendation.Version++;
            if (await WriteRecommendation.SaveAsync(db, "status", cancellationToken) is { } failure)
            {
                return failure;
            }
        }
        return (await RecommendationView.LoadAsync(db, network, markdown, memberId, [recommendation], cancellationToken))[0];
    }
}
