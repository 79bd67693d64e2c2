using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Recommendations;

/// <summary>Ask a 1st-degree connection to write a recommendation for you; they write it, or decline.</summary>
public static class RequestRecommendation
{
    /// <param name="From">The handle of the connection asked to write it.</param>
    /// <param name="Relationship">How they know you, read "they … you" (managed: they managed you).</param>
    /// <param name="Organization">Optional: the slug of an organisation you both belonged to.</param>
    /// <param name="Message">Optional note, up to 500 characters.</param>
    public sealed record Request(string? From, RecommendationRelationship? Relationship, string? Organization, string? Message);

    public static async Task<Outcome<RecommendationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long recipientId, Request request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var message = errors.Text("message", request.Message, Recommendation.RequestMessageMaxLength);
        WriteRecommendation.CheckRelationship(errors, request.Relationship, required: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var author = await WriteRecommendation.ConnectionAsync(db, network, recipientId, request.From, "from", cancellationToken);
        if (!author.Succeeded)
        {
            return author.Failure!;
        }
        var authorId = author.Value;
        var organization = await WriteRecommendation.SharedOrganizationAsync(db, network, authorId, recipientId, request.Organization, cancellationToken);
        if (!organization.Succeeded)
        {
            return organization.Failure!;
        }
        var open = await db.Recommendations.AsNoTracking().Where(r => r.AuthorId == authorId && r.RecipientId == recipientId
            && (r.Status == RecommendationStatus.Requested || r.Status == RecommendationStatus.Pending)).Select(r => (RecommendationStatus?)r.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is { } status)
        {
            return Failure.Conflict("from", status == RecommendationStatus.Requested
                ? "You have already asked this member for a recommendation."
                : "This member has already written you a recommendation: approve or decline it.");
        }
        var recommendation = new Recommendation
        {
            AuthorId = authorId,
            RecipientId = recipientId,
            Relationship = request.Relationship!.Value,
            OrganizationId = organization.Value,
            RequestMessage = message,
            Status = RecommendationStatus.Requested,
            CreatedAt = time.GetUtcNow(),
        };
        db.Recommendations.Add(recommendation);
        await Notify.AddAsync(db, time, authorId, NotificationKind.Recommendation, recipientId, message is null ? "asks you for a recommendation"
            : $"asks you for a recommendation: {message}", "/me/recommendations", null, cancellationToken);
        if (await WriteRecommendation.SaveAsync(db, "from", cancellationToken) is { } failure)
        {
            return failure;
        }
        return (await RecommendationView.LoadAsync(db, network, markdown, recipientId, [recommendation], cancellationToken))[0];
    }
}
