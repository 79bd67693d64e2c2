using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>Administrators correct an organisation's details. Omitted fields stay; empty strings clear.</summary>
public static class EditOrganization
{
    public sealed record Request(string? Name = null, OrganizationKind? Kind = null, string? Website = null, string? Location = null, string? Description = null);

    public static async Task<Outcome<OrganizationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long callerId, string slug, Request request, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!await Administrators.IsAdministratorAsync(db, callerId, cancellationToken))
        {
            return Failure.Forbidden("Only administrators can edit organisations.");
        }
        var id = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        var organization = id is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return Failure.NotFound($"No organisation has the address '{slug}'.");
        }
        var errors = new FieldErrors();
        if (request.Name is not null)
        {
            var name = FindOrCreateOrganization.ValidateName(errors, "name", request.Name);
            if (name is not null)
            {
                var key = OrganizationNames.MatchKey(name);
                if (key != organization.MatchKey && (await db.Organizations.AnyAsync(o => o.MatchKey == key, cancellationToken)
                    || await db.OrganizationAliases.AnyAsync(a => a.MatchKey == key && a.OrganizationId != organization.Id, cancellationToken)))
                {
                    return Failure.Conflict("name", "Another organisation already has this name: merge the two instead.");
                }
                organization.Name = name;
                organization.MatchKey = key;
            }
        }
        if (request.Kind is { } kind)
        {
            if (!Enum.IsDefined(kind))
            {
                errors.Add("kind", "Use company, school or association.");
            }
            organization.Kind = kind;
        }
        if (request.Website is not null)
        {
            organization.Website = errors.Url("website", request.Website, 300);
        }
        if (request.Location is not null)
        {
            organization.Location = errors.Line("location", request.Location, 100);
        }
        if (request.Description is not null)
        {
            organization.Description = errors.Text("description", request.Description, Organization.DescriptionMaxLength);
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        organization.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ViewOrganization.ExecuteAsync(db, network, callerId, organization.Slug, cancellationToken);
    }
}
