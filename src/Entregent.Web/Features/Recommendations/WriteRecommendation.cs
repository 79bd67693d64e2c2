using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Recommendations;

/// <summary>
/// Write a recommendation for a 1st-degree connection, or rewrite one not yet approved. It waits for the recipient's
/// approval (pending); one the recipient asked for is filled by writing it.
/// </summary>
public static class WriteRecommendation
{
    /// <param name="For">The recipient's handle.</param>
    /// <param name="Relationship">How you know them, read "you … them": managed, reportedTo, workedWith, clientOf, providerTo, taught, mentored, studiedWith, other.</param>
    /// <param name="Organization">Optional: the slug of an organisation you both belonged to ("managed Ada at Acme").</param>
    /// <param name="Text">Markdown, up to 3000 characters.</param>
    public sealed record Request(string? For, RecommendationRelationship? Relationship, string? Organization, string? Text);

    /// <param name="Text">Markdown, up to 3000 characters.</param>
    /// <param name="Relationship">Optional: a new relationship; the organisation stays.</param>
    public sealed record EditRequest(string? Text, RecommendationRelationship? Relationship);

    public static async Task<Outcome<RecommendationView>> WriteAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, Request request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = RequiredText(errors, request.Text);
        CheckRelationship(errors, request.Relationship, required: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var recipient = await ConnectionAsync(db, network, authorId, request.For, "for", cancellationToken);
        if (!recipient.Succeeded)
        {
            return recipient.Failure!;
        }
        var recipientId = recipient.Value;
        var organization = await SharedOrganizationAsync(db, network, authorId, recipientId, request.Organization, cancellationToken);
        if (!organization.Succeeded)
        {
            return organization.Failure!;
        }

        var now = time.GetUtcNow();
        var open = await db.Recommendations.FirstOrDefaultAsync(r => r.AuthorId == authorId && r.RecipientId == recipientId
            && (r.Status == RecommendationStatus.Requested || r.Status == RecommendationStatus.Pending), cancellationToken);
        if (open is { Status: RecommendationStatus.Pending })
        {
            return Failure.Conflict("for", "You already wrote a recommendation for this member that waits for their approval: edit it instead.");
        }
        var recommendation = open ?? new Recommendation { AuthorId = authorId, RecipientId = recipientId, CreatedAt = now };
        recommendation.Relationship = request.Relationship!.Value;
        recommendation.OrganizationId = organization.Value ?? recommendation.OrganizationId;
        recommendation.Text = text;
        recommendation.Status = RecommendationStatus.Pending;
        recommendation.WrittenAt = now;
        recommendation.Version++;
        if (open is null)
        {
            db.Recommendations.Add(recommendation);
        }
        await Notify.AddAsync(db, time, recipientId, NotificationKind.Recommendation, authorId, "wrote you a recommendation: approve it to show it",
            "/me/recommendations", null, cancellationToken);
        var saved = await SaveAsync(db, "for", cancellationToken);
        if (saved is not null)
        {
            return saved;
        }
        return (await RecommendationView.LoadAsync(db, network, markdown, authorId, [recommendation], cancellationToken))[0];
    }

    /// <summary>Rewrites one's own recommendation while it waits (pending), or writes one asked for (requested → pending).</summary>
    public static async Task<Outcome<RecommendationView>> EditAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, long id, EditRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = RequiredText(errors, request.Text);
        CheckRelationship(errors, request.Relationship, required: false);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var recommendation = await RecommendationAccess.FindAsync(db, network, authorId, id, asAuthor: true, cancellationToken);
        if (recommendation is null)
        {
            return Failure.NotFound("No such recommendation among those you write.");
        }
        if (recommendation.Status is not (RecommendationStatus.Requested or RecommendationStatus.Pending))
        {
            return Failure.Conflict("status", $"This recommendation is {Describe(recommendation.Status)}: it can no longer be changed.");
        }
        if (!network.AreConnected(authorId, recommendation.RecipientId))
        {
            return Failure.Forbidden("You can write recommendations only for your 1st-degree connections.");
        }
        if (recommendation.Status == RecommendationStatus.Requested)
        {
            await Notify.AddAsync(db, time, recommendation.RecipientId, NotificationKind.Recommendation, authorId,
                "wrote the recommendation you asked for: approve it to show it", "/me/recommendations", null, cancellationToken);
        }
        recommendation.Text = text;
        recommendation.Relationship = request.Relationship ?? recommendation.Relationship;
        recommendation.Status = RecommendationStatus.Pending;
        recommendation.WrittenAt = time.GetUtcNow();
        recommendation.Version++;
        var saved = await SaveAsync(db, "status", cancellationToken);
        if (saved is not null)
        {
            return saved;
        }
        return (await RecommendationView.LoadAsync(db, network, markdown, authorId, [recommendation], cancellationToken))[0];
    }

    internal static string Describe(RecommendationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// Saves; a lost race becomes a conflict: the row changed meanwhile (its version), or another open one for the pair
    /// was saved first (the unique index on open pairs). Nothing is half-written: the save is one transaction.
    /// </summary>
    internal static async Task<Failure?> SaveAsync(EntregentDb db, string field, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("status", "This recommendation changed meanwhile: reload it and try again.");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(field, "A recommendation between you two is already open (requested or waiting for approval).");
        }
    }

    /// <summary>
    /// The member behind <paramref name="handle"/>, who must be a 1st-degree connection: not found as the viewer may
    /// see (blocks, reach), invalid for oneself, forbidden for anyone else.
    /// </summary>
    internal static async Task<Outcome<long>> ConnectionAsync(EntregentDb db, NetworkGraph network, long memberId, string? handle, string field,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, memberId, handle, cancellationToken, field);
        if (!found.Succeeded)
        {
            return found;
        }
        if (found.Value == memberId)
        {
            return Failure.Invalid(field, "Recommendations are between two members: not with yourself.");
        }
        if (!network.AreConnected(memberId, found.Value))
        {
            return Failure.Forbidden("Recommendations are only between 1st-degree connections: connect with this member first.");
        }
        return found.Value;
    }

    /// <summary>The organisation named by slug (or an alias's), which both members must have belonged to; null when none is named.</summary>
    internal static async Task<Outcome<long?>> SharedOrganizationAsync(EntregentDb db, NetworkGraph network, long a, long b, string? slug,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return (long?)null;
        }
        var key = slug.Trim().ToLowerInvariant();
        var shared = network.SharedOrganizationIds(a, b);
        var id = shared.Count == 0 ? null : await db.Organizations.AsNoTracking()
            .Where(o => shared.Contains(o.Id) && (o.Slug == key || db.OrganizationAliases.Any(x => x.OrganizationId == o.Id && x.Slug == key)))
            .Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null
            ? Failure.Invalid("organization", $"'{slug}' is not an organisation you both belonged to (positions or education).")
            : id;
    }

    internal static void CheckRelationship(FieldErrors errors, RecommendationRelationship? relationship, bool required)
    {
        if (relationship is null ? required : !Enum.IsDefined(relationship.Value))
        {
            errors.Add("relationship", "Say how you know each other: managed, reportedTo, workedWith, clientOf, providerTo, taught, mentored, studiedWith or other.");
        }
    }

    private static string? RequiredText(FieldErrors errors, string? value)
    {
        var text = errors.Text("text", value, Recommendation.TextMaxLength);
        if (text is null)
        {
            errors.Add("text", "Write the recommendation: this field is required.");
        }
        return text;
    }
}
