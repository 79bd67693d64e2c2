using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>A member's verification at an organisation (verified false: not verified).</summary>
public sealed record VerificationView(string Organization, string Handle, bool Verified, VerificationMethod? Method, DateTimeOffset? VerifiedAt,
    string? EmailDomain);

/// <summary>
/// Verified membership of an organisation, which opens its internal groups. A member whose confirmed account e-mail is at
/// the organisation's domain verifies themselves; anyone else needs a site administrator's approval. Administrators also
/// set the domain and revoke verifications; a revoked member loses the internal groups on their very next request, since
/// every group access reads verifications from the store (<see cref="Groups.GroupViewer.LoadAsync"/>).
/// </summary>
public static class VerifyMembers
{
    /// <param name="EmailDomain">"acme.example"; empty or null clears it (verification by approval only).</param>
    public sealed record DomainRequest(string? EmailDomain);

    public static async Task<Outcome<VerificationView>> StatusAsync(EntregentDb db, long memberId, string slug, CancellationToken cancellationToken)
    {
        var organization = await FindAsync(db, slug, cancellationToken);
        if (organization is null)
        {
            return NotFound(slug);
        }
        return await ViewAsync(db, organization, memberId, cancellationToken);
    }

    /// <summary>The member asks to be verified: at once with a confirmed e-mail at the domain, otherwise 409 (an administrator must approve).</summary>
    public static async Task<Outcome<VerificationView>> RequestAsync(EntregentDb db, TimeProvider time, long memberId, string slug,
        CancellationToken cancellationToken)
    {
        var organization = await FindAsync(db, slug, cancellationToken);
        if (organization is null)
        {
            return NotFound(slug);
        }
        if (await db.OrganizationVerifications.AnyAsync(v => v.OrganizationId == organization.Id && v.MemberId == memberId, cancellationToken))
        {
            return await ViewAsync(db, organization, memberId, cancellationToken);
        }
        if (organization.EmailDomain is not { } domain)
        {
            return Failure.Conflict("organization", "This organisation verifies its members by approval: ask a site administrator to approve you.");
        }
        var account = await db.Users.AsNoTracking().Where(u => u.Id == memberId).Select(u => new { u.Email, u.EmailConfirmed }).FirstAsync(cancellationToken);
        if (!IsAt(account.Email, domain))
        {
            return Failure.Conflict("organization",
                $"Your account's e-mail address is not at {domain}: ask a site administrator to approve you, or change your address.");
        }
        if (!account.EmailConfirmed)
        {
            return Failure.Conflict("organization", "Confirm your e-mail address first (follow the link we sent you), then ask again.");
        }
        return await AddAsync(db, time, organization, memberId, VerificationMethod.EmailDomain, null, cancellationToken);
    }

    /// <summary>A site administrator verifies a member (idempotent).</summary>
    public static async Task<Outcome<VerificationView>> ApproveAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long administratorId,
        string slug, string handle, CancellationToken cancellationToken)
    {
        var target = await AdministeredAsync(db, network, administratorId, slug, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var (organization, memberId) = target.Value;
        if (await db.OrganizationVerifications.AnyAsync(v => v.OrganizationId == organization.Id && v.MemberId == memberId, cancellationToken))
        {
            return await ViewAsync(db, organization, memberId, cancellationToken);
        }
        return await AddAsync(db, time, organization, memberId, VerificationMethod.Approval, administratorId, cancellationToken);
    }

    /// <summary>A site administrator revokes a verification: the member's internal groups disappear for them at once.</summary>
    public static async Task<Outcome<VerificationView>> RevokeAsync(EntregentDb db, NetworkGraph network, long administratorId, string slug, string handle,
        CancellationToken cancellationToken)
    {
        var target = await AdministeredAsync(db, network, administratorId, slug, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var (organization, memberId) = target.Value;
        var verification = await db.OrganizationVerifications.FirstOrDefaultAsync(v => v.OrganizationId == organization.Id && v.MemberId == memberId,
            cancellationToken);
        if (verification is null)
        {
            return Failure.NotFound("This member is not verified at this organisation.");
        }
        db.OrganizationVerifications.Remove(verification);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, organization, memberId, cancellationToken);
    }

    /// <summary>A site administrator sets (or clears) the e-mail domain that verifies members.</summary>
    public static async Task<Outcome<OrganizationDomainView>> SetDomainAsync(EntregentDb db, TimeProvider time, long administratorId, string slug,
        DomainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await Administrators.IsAdministratorAsync(db, administratorId, cancellationToken))
        {
            return Failure.Forbidden("Only site administrators can set an organisation's e-mail domain.");
        }
        var organization = await FindAsync(db, slug, cancellationToken, tracked: true);
        if (organization is null)
        {
            return NotFound(slug);
        }
        var domain = request.EmailDomain?.Trim().TrimStart('@').ToLowerInvariant();
        if (string.IsNullOrEmpty(domain))
        {
            domain = null;
        }
        else if (domain.Length > Organization.EmailDomainMaxLength || !domain.Contains('.', StringComparison.Ordinal)
            || Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            return Failure.Invalid("emailDomain", "Not a valid e-mail domain (such as acme.example).");
        }
        organization.EmailDomain = domain;
        organization.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new OrganizationDomainView(organization.Slug, organization.EmailDomain);
    }

    /// <summary>Whether <paramref name="email"/> is at <paramref name="domain"/> or one of its subdomains.</summary>
    public static bool IsAt(string? email, string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }
        var host = email![(at + 1)..].ToLowerInvariant();
        return host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
    }

    private static async Task<Outcome<(Organization Organization, long MemberId)>> AdministeredAsync(EntregentDb db, NetworkGraph network,
        long administratorId, string slug, string handle, CancellationToken cancellationToken)
    {
        if (!await Administrators.IsAdministratorAsync(db, administratorId, cancellationToken))
        {
            return Failure.Forbidden("Only site administrators can verify members of an organisation.");
        }
        var organization = await FindAsync(db, slug, cancellationToken);
        if (organization is null)
        {
            return NotFound(slug);
        }
        var member = await VisibleMembers.FindAsync(db, network, administratorId, handle, cancellationToken);
        if (!member.Succeeded)
        {
            return member.Failure!;
        }
        return (organization, member.Value);
    }

    private static async Task<Outcome<VerificationView>> AddAsync(EntregentDb db, TimeProvider time, Organization organization, long memberId,
        VerificationMethod method, long? approvedById, CancellationToken cancellationToken)
    {
        db.OrganizationVerifications.Add(new OrganizationVerification
        {
            OrganizationId = organization.Id, MemberId = memberId, Method = method, ApprovedById = approvedById, VerifiedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Verified twice at once (the unique pair): the other save stands.
            db.ChangeTracker.Clear();
        }
        return await ViewAsync(db, organization, memberId, cancellationToken);
    }

    private static async Task<VerificationView> ViewAsync(EntregentDb db, Organization organization, long memberId, CancellationToken cancellationToken)
    {
        var handle = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => p.Handle).FirstAsync(cancellationToken);
        var verification = await db.OrganizationVerifications.AsNoTracking()
            .Where(v => v.OrganizationId == organization.Id && v.MemberId == memberId)
            .Select(v => new { v.Method, v.VerifiedAt }).FirstOrDefaultAsync(cancellationToken);
        return new VerificationView(organization.Slug, handle, verification is not null, verification?.Method, verification?.VerifiedAt, organization.EmailDomain);
    }

    private static async Task<Organization?> FindAsync(EntregentDb db, string slug, CancellationToken cancellationToken, bool tracked = false)
    {
        var id = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        if (id is null)
        {
            return null;
        }
        var organizations = tracked ? db.Organizations : db.Organizations.AsNoTracking();
        return await organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    private static Failure NotFound(string slug) => Failure.NotFound($"No organisation has the address '{slug}'.");
}

/// <summary>An organisation's verifying e-mail domain.</summary>
public sealed record OrganizationDomainView(string Organization, string? EmailDomain);
