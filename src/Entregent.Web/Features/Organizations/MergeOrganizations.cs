using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>
/// Administrators fold a duplicate into the organisation it duplicates: positions and education move over, the
/// duplicate's name and address become aliases of the survivor (so typing or visiting them still works), and the
/// duplicate disappears. One transaction.
/// </summary>
public static class MergeOrganizations
{
    /// <param name="Into">The slug of the organisation that survives.</param>
    public sealed record Request(string? Into);

    public static async Task<Outcome<OrganizationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long callerId, string slug, Request request, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!await Administrators.IsAdministratorAsync(db, callerId, cancellationToken))
        {
            return Failure.Forbidden("Only administrators can merge organisations.");
        }
        if (string.IsNullOrWhiteSpace(request.Into))
        {
            return Failure.Invalid("into", "Name the organisation to merge into (its slug).");
        }
        var sourceId = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        if (sourceId is null)
        {
            return Failure.NotFound($"No organisation has the address '{slug}'.");
        }
        var targetId = await ViewOrganization.ResolveAsync(db, request.Into, cancellationToken);
        if (targetId is null)
        {
            return Failure.Invalid("into", $"No organisation has the address '{request.Into}'.");
        }
        if (targetId == sourceId)
        {
            return Failure.Invalid("into", "An organisation cannot be merged into itself.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Organizations.FirstAsync(o => o.Id == sourceId, cancellationToken);
        var target = await db.Organizations.FirstAsync(o => o.Id == targetId, cancellationToken);
        // Moved rows are changed in bulk, so their feed rows are recorded explicitly.
        var moved = await db.Positions.Where(p => p.OrganizationId == source.Id).Select(p => new { p.Id, p.MemberId }).ToListAsync(cancellationToken);
        foreach (var p in moved)
        {
            db.RecordChange(new FeedEntry("position.updated", p.Id, p.MemberId, target.Id));
        }
        var movedEducation = await db.Education.Where(e => e.OrganizationId == source.Id).Select(e => new { e.Id, e.MemberId }).ToListAsync(cancellationToken);
        foreach (var e in movedEducation)
        {
            db.RecordChange(new FeedEntry("education.updated", e.Id, e.MemberId, target.Id));
        }
        await db.Positions.Where(p => p.OrganizationId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganizationId, target.Id), cancellationToken);
        await db.Education.Where(e => e.OrganizationId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OrganizationId, target.Id), cancellationToken);
        await db.OrganizationAliases.Where(a => a.OrganizationId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OrganizationId, target.Id), cancellationToken);
        db.OrganizationAliases.Add(new OrganizationAlias { OrganizationId = target.Id, MatchKey = source.MatchKey, Slug = source.Slug });
        db.RecordChange(new FeedEntry("organization.merged", source.Id, RelatedId: target.Id));
        db.Organizations.Remove(source);
        target.UpdatedAt = time.GetUtcNow();
        // The alias takes the source's unique name and slug: the source row must go before the alias arrives.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewOrganization.ExecuteAsync(db, network, callerId, target.Slug, cancellationToken);
    }
}
