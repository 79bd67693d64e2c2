using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>Follow or unfollow a member (by handle) or an organisation (by slug); one way, no consent needed.</summary>
public static class FollowTarget
{
    public sealed record FollowView(string Kind, string Key, string Name, DateTimeOffset Since);

    public static async Task<Outcome<FollowView>> FollowAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId,
        string handleOrSlug, CancellationToken cancellationToken)
    {
        var target = await ResolveAsync(db, network, memberId, handleOrSlug, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var (member, organization, name, key) = target.Value;
        if (member == memberId)
        {
            return Failure.Invalid("handleOrSlug", "You cannot follow yourself.");
        }
        var existing = await db.Follows.AsNoTracking().FirstOrDefaultAsync(f => f.FollowerId == memberId
            && (member != null ? f.FollowedMemberId == member : f.FollowedOrganizationId == organization), cancellationToken);
        if (existing is not null)
        {
            return new FollowView(member is null ? "organization" : "member", key, name, existing.CreatedAt);
        }
        var follow = new Follow { FollowerId = memberId, FollowedMemberId = member, FollowedOrganizationId = organization, CreatedAt = time.GetUtcNow() };
        db.Follows.Add(follow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Followed twice at once: one row stands, which is the wish.
            db.ChangeTracker.Clear();
        }
        return new FollowView(member is null ? "organization" : "member", key, name, follow.CreatedAt);
    }

    public static async Task<Outcome<bool>> UnfollowAsync(EntregentDb db, NetworkGraph network, long memberId, string handleOrSlug,
        CancellationToken cancellationToken)
    {
        var target = await ResolveAsync(db, network, memberId, handleOrSlug, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var (member, organization, _, _) = target.Value;
        var follow = await db.Follows.FirstOrDefaultAsync(f => f.FollowerId == memberId
            && (member != null ? f.FollowedMemberId == member : f.FollowedOrganizationId == organization), cancellationToken);
        if (follow is null)
        {
            return Failure.NotFound("You do not follow this.");
        }
        db.Follows.Remove(follow);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What the member follows, newest first.</summary>
    public static async Task<IReadOnlyList<FollowView>> ListAsync(EntregentDb db, long memberId, CancellationToken cancellationToken)
    {
        var members = await db.Follows.AsNoTracking().Where(f => f.FollowerId == memberId && f.FollowedMemberId != null)
            .Join(db.Profiles, f => f.FollowedMemberId, p => p.MemberId, (f, p) => new FollowView("member", p.Handle, p.DisplayName, f.CreatedAt))
            .ToListAsync(cancellationToken);
        var organizations = await db.Follows.AsNoTracking().Where(f => f.FollowerId == memberId && f.FollowedOrganizationId != null)
            .Join(db.Organizations, f => f.FollowedOrganizationId, o => o.Id, (f, o) => new FollowView("organization", o.Slug, o.Name, f.CreatedAt))
            .ToListAsync(cancellationToken);
        return members.Concat(organizations).OrderByDescending(f => f.Since).ToList();
    }

    private static async Task<Outcome<(long? Member, long? Organization, string Name, string Key)>> ResolveAsync(EntregentDb db, NetworkGraph network,
        long memberId, string handleOrSlug, CancellationToken cancellationToken)
    {
        var key = handleOrSlug.Trim().ToLowerInvariant();
        // Handles and slugs live in different tables and may coincide: a member's handle wins, as in the URL /in/{handle}.
        var profile = await db.Profiles.AsNoTracking().Where(p => p.Handle == key)
            .Select(p => new { p.MemberId, p.DisplayName, p.Reach }).FirstOrDefaultAsync(cancellationToken);
        if (profile is not null)
        {
            return Profiles.ViewProfile.MayOpen(network, memberId, profile.MemberId, profile.Reach)
                ? (profile.MemberId, null, profile.DisplayName, key)
                : Failure.NotFound($"No member has the handle '{handleOrSlug}'.");
        }
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Slug == key).Select(o => new { o.Id, o.Name, o.Slug }).FirstOrDefaultAsync(cancellationToken)
            ?? await db.OrganizationAliases.AsNoTracking().Where(a => a.Slug == key)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { o.Id, o.Name, o.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Failure.NotFound($"No member or organisation is called '{handleOrSlug}'.");
        }
        return (null, organization.Id, organization.Name, organization.Slug);
    }
}
