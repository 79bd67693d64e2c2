using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

public sealed record OrganizationView(long Id, string Name, string Slug, OrganizationKind Kind, string? Website, string? Location,
    string? Description, string? LogoUrl, int CurrentMembers, int PastMembers);

/// <param name="Degree">Where the member stands in the viewer's network (none for a signed-out viewer).</param>
public sealed record OrganizationMemberView(string Handle, string DisplayName, string? Headline, string? PhotoUrl, string Title,
    string StartMonth, string? EndMonth, bool Current, Entregent.Graph.Degree Degree = default, int MutualCount = 0);

public sealed record OrganizationMembersPage(IReadOnlyList<OrganizationMemberView> Members, int Page, int PageSize, int Total);

/// <summary>An organisation's page: what it is, and its current and past members the viewer may see.</summary>
public static class ViewOrganization
{
    public const int PageSize = 50;

    /// <summary>
    /// The organisation at <paramref name="slug"/>, following the slug of a merged-away organisation to the survivor.
    /// Its member counts are those the viewer may see: members blocked either way and profiles out of the viewer's
    /// reach are not counted, as they are not listed.
    /// </summary>
    public static async Task<Outcome<OrganizationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long? viewerId, string slug,
        CancellationToken cancellationToken)
    {
        var id = await ResolveAsync(db, slug, cancellationToken);
        if (id is null)
        {
            return Failure.NotFound($"No organisation has the address '{slug}'.");
        }
        var view = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationView(
            o.Id, o.Name, o.Slug, o.Kind, o.Website, o.Location, o.Description, o.LogoKey == null ? null : "/media/" + o.LogoKey, 0, 0))
            .FirstAsync(cancellationToken);
        var members = await db.Positions.AsNoTracking().Where(p => p.OrganizationId == id)
            .Join(db.Profiles, p => p.MemberId, m => m.MemberId, (p, m) => new { p.MemberId, m.Reach, Current = p.EndMonth == null })
            .ToListAsync(cancellationToken);
        var visible = members.Where(m => Profiles.ViewProfile.MayOpen(network, viewerId, m.MemberId, m.Reach)).ToList();
        var current = visible.Where(m => m.Current).Select(m => m.MemberId).ToHashSet();
        // Past members are people with no current position there, as MembersAsync lists them.
        var past = visible.Where(m => !m.Current && !current.Contains(m.MemberId)).Select(m => m.MemberId).Distinct().Count();
        return view with { CurrentMembers = current.Count, PastMembers = past };
    }

    /// <summary>
    /// Members who hold (<paramref name="current"/>) or held a position there, most recent first, a page at a time.
    /// A member with several positions there appears once, with the latest.
    /// </summary>
    /// <remarks>
    /// As the viewer sees it: members blocked either way, and members whose profile is limited to three degrees when
    /// the viewer is farther, are left out; each member carries the viewer's degree and mutual count, computed in one
    /// batch for the page (<see cref="NetworkGraph.Badges"/>).
    /// </remarks>
    public static async Task<Outcome<OrganizationMembersPage>> MembersAsync(EntregentDb db, NetworkGraph network, long? viewerId, string slug,
        bool current, int page, CancellationToken cancellationToken)
    {
        var id = await ResolveAsync(db, slug, cancellationToken);
        if (id is null)
        {
            return Failure.NotFound($"No organisation has the address '{slug}'.");
        }
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var positions = db.Positions.AsNoTracking().Where(p => p.OrganizationId == id && (current ? p.EndMonth == null : p.EndMonth != null));
        // Past members are people with no current position there.
        if (!current)
        {
            positions = positions.Where(p => !db.Positions.Any(q => q.OrganizationId == id && q.MemberId == p.MemberId && q.EndMonth == null));
        }
        var rows = await positions
            .Join(db.Profiles, p => p.MemberId, m => m.MemberId, (p, m) => new
            {
                m.MemberId, m.Handle, m.DisplayName, m.Headline, m.PhotoKey, m.Reach, p.Title, p.StartMonth, p.EndMonth,
            })
            .ToListAsync(cancellationToken);
        rows = rows.Where(r => Profiles.ViewProfile.MayOpen(network, viewerId, r.MemberId, r.Reach)).ToList();
        var latest = rows.GroupBy(r => r.MemberId)
            .Select(g => g.OrderByDescending(r => r.EndMonth ?? DateOnly.MaxValue).ThenByDescending(r => r.StartMonth).First())
            .OrderByDescending(r => r.EndMonth ?? DateOnly.MaxValue).ThenByDescending(r => r.StartMonth).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var slice = latest.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var badges = network.Badges(viewerId, slice.Select(r => r.MemberId));
        var members = slice
            .Select(r => new OrganizationMemberView(r.Handle, r.DisplayName, r.Headline, ProfileViewMapping.PhotoUrl(r.PhotoKey), r.Title,
                Months.Format(r.StartMonth), Months.Format(r.EndMonth), r.EndMonth is null,
                badges.GetValueOrDefault(r.MemberId).Degree, badges.GetValueOrDefault(r.MemberId).MutualCount))
            .ToList();
        return new OrganizationMembersPage(members, page, PageSize, latest.Count);
    }

    internal static async Task<long?> ResolveAsync(EntregentDb db, string slug, CancellationToken cancellationToken)
    {
        var key = slug.Trim().ToLowerInvariant();
        if (key.Length is 0 or > Organization.SlugMaxLength)
        {
            return null;
        }
        return await db.Organizations.Where(o => o.Slug == key).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.OrganizationAliases.Where(a => a.Slug == key).Select(a => (long?)a.OrganizationId).FirstOrDefaultAsync(cancellationToken);
    }
}
