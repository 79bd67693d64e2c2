using System.Linq.Expressions;
using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>
/// A member's profile as the viewer may see it. The one place that applies contact audiences: the API, the
/// profile page and every later listing go through here.
/// </summary>
public static class ViewProfile
{
    public static async Task<Outcome<MemberView>> ExecuteAsync(EntregentDb db, ProfileCache cache, NetworkGraph network, string handle,
        long? viewerId, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteWithOwnerAsync(db, cache, network, handle, viewerId, cancellationToken);
        return outcome.Succeeded ? outcome.Value.View : outcome.Failure!;
    }

    /// <summary>The same, with the owner's member id, for pages that go on to show the owner's place in the network.</summary>
    public static async Task<Outcome<(MemberView View, long OwnerId)>> ExecuteWithOwnerAsync(EntregentDb db, ProfileCache cache, NetworkGraph network,
        string handle, long? viewerId, CancellationToken cancellationToken)
    {
        var key = handle.Trim().ToLowerInvariant();
        if (key.Length > Profile.HandleMaxLength)
        {
            return Failure.NotFound($"No member has the handle '{handle}'.");
        }
        var loaded = await cache.GetOrLoadAsync(key, () => LoadAsync(db, p => p.Handle == key, cancellationToken));
        if (loaded is null)
        {
            return Failure.NotFound($"No member has the handle '{handle}'.");
        }
        if (!MayOpen(network, viewerId, loaded.MemberId, loaded.Reach))
        {
            // Blocked, or outside a profile limited to three degrees: the same answer as a handle that does not exist.
            return Failure.NotFound($"No member has the handle '{handle}'.");
        }
        var relation = Relation(network, viewerId, loaded.MemberId);
        return (loaded.Present(relation, network.Badge(viewerId, loaded.MemberId)), loaded.MemberId);
    }

    /// <summary>
    /// Whether a viewer may open a member's profile at all: never across a block; within three degrees, or among current
    /// colleagues, when the owner limited it so. The one rule every surface that shows a member applies.
    /// </summary>
    public static bool MayOpen(NetworkGraph network, long? viewerId, long ownerId, ProfileReach reach)
    {
        if (viewerId == ownerId)
        {
            return true;
        }
        if (viewerId is { } viewer && network.IsBlocked(viewer, ownerId))
        {
            return false;
        }
        return reach switch
        {
            ProfileReach.Everyone => true,
            ProfileReach.WithinThreeDegrees => network.Badge(viewerId, ownerId).Degree != Entregent.Graph.Degree.None,
            ProfileReach.Colleagues => viewerId is { } colleague && network.AreColleagues(colleague, ownerId),
            _ => false,
        };
    }

    public static async Task<Outcome<MyProfileView>> MineAsync(EntregentDb db, long memberId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, p => p.MemberId == memberId, cancellationToken);
        var account = await db.Users.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.Email, m.EmailConfirmed, m.IsAdministrator }).FirstOrDefaultAsync(cancellationToken);
        if (loaded is null || account is null)
        {
            return Failure.NotFound("Your profile does not exist.");
        }
        return new MyProfileView(loaded.Present(ViewerRelation.Self, default), account.Email!, account.EmailConfirmed, account.IsAdministrator,
            loaded.ContactEmailAudience, loaded.PhoneAudience, loaded.WebsiteAudience, loaded.Version);
    }

    /// <summary>
    /// How the viewer stands towards the owner: decides which audiences they belong to. Read from the graph, which a
    /// writer waits for (<see cref="ReadYourWrites"/>), so a member who has just connected sees the connection at once
    /// and everyone else within the change feed's second.
    /// </summary>
    public static ViewerRelation Relation(NetworkGraph network, long? viewerId, long ownerId) =>
        viewerId is not { } viewer ? ViewerRelation.Anonymous
        : viewer == ownerId ? ViewerRelation.Self
        : network.AreConnected(viewer, ownerId) ? ViewerRelation.Connection
        : ViewerRelation.Member;

    internal static Task<LoadedProfile?> LoadAsync(EntregentDb db, Expression<Func<Profile, bool>> filter, CancellationToken cancellationToken) =>
        db.Profiles.AsNoTracking().Where(filter).Select(p => new LoadedProfile
        {
            MemberId = p.MemberId,
            Handle = p.Handle,
            DisplayName = p.DisplayName,
            Headline = p.Headline,
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            Birthday = p.Birthday,
            BirthdayAudience = p.BirthdayAudience,
            Interests = p.Interests,
            HideConnections = p.HideConnections,
            Reach = p.Reach,
            Summary = p.Summary,
            Location = p.Location,
            Industry = p.Industry,
            Languages = p.Languages,
            PhotoKey = p.PhotoKey,
            OpenTo = p.OpenTo,
            ContactEmail = p.ContactEmail,
            ContactEmailAudience = p.ContactEmailAudience,
            Phone = p.Phone,
            PhoneAudience = p.PhoneAudience,
            Website = p.Website,
            WebsiteAudience = p.WebsiteAudience,
            Version = p.Version,
            Updated = new SectionDates(p.IntroUpdatedAt, p.ContactUpdatedAt, p.OpenToUpdatedAt, p.PositionsUpdatedAt,
                p.EducationUpdatedAt, p.SkillsUpdatedAt, p.PhotoUpdatedAt),
            Positions = p.Positions.Select(x => new PositionRow(x.Id, x.Organization!.Name, x.Organization.Slug, x.Title, x.Location,
                x.Description, x.StartMonth, x.EndMonth, x.UpdatedAt, x.SharedAsNews)).ToList(),
            Education = p.Education.Select(x => new EducationView(x.Id, new OrganizationRef(x.Organization!.Name, x.Organization.Slug),
                x.Degree, x.Field, x.StartYear, x.EndYear)).ToList(),
            Skills = p.Skills.OrderBy(s => s.Rank).Select(s => s.Skill!.Name).ToList(),
        }).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    internal sealed record PositionRow(long Id, string OrganizationName, string OrganizationSlug, string Title, string? Location,
        string? Description, DateOnly StartMonth, DateOnly? EndMonth, DateTimeOffset UpdatedAt, bool SharedAsNews);

    internal sealed class LoadedProfile
    {
        public long MemberId { get; init; }
        public required string Handle { get; init; }
        public required string DisplayName { get; init; }
        public string? Headline { get; init; }
        public string? GivenName { get; init; }
        public string? FamilyName { get; init; }
        public DateOnly? Birthday { get; init; }
        public Audience BirthdayAudience { get; init; }
        public required List<string> Interests { get; init; }
        public bool HideConnections { get; init; }
        public ProfileReach Reach { get; init; }
        public string? Summary { get; init; }
        public string? Location { get; init; }
        public string? Industry { get; init; }
        public required List<string> Languages { get; init; }
        public string? PhotoKey { get; init; }
        public OpenTo OpenTo { get; init; }
        public string? ContactEmail { get; init; }
        public Audience ContactEmailAudience { get; init; }
        public string? Phone { get; init; }
        public Audience PhoneAudience { get; init; }
        public string? Website { get; init; }
        public Audience WebsiteAudience { get; init; }
        public int Version { get; init; }
        public required SectionDates Updated { get; init; }
        public required List<PositionRow> Positions { get; init; }
        public required List<EducationView> Education { get; init; }
        public required List<string> Skills { get; init; }

        public MemberView Present(ViewerRelation relation, NetworkBadge badge) => new(
            Handle, DisplayName, GivenName, FamilyName, BirthdayAudience.Allows(relation) ? Birthday : null, Headline, Summary, Location, Industry, Languages,
            ProfileViewMapping.PhotoUrl(PhotoKey), ProfileViewMapping.Flags(OpenTo),
            new ContactView(
                ContactEmailAudience.Allows(relation) ? ContactEmail : null,
                PhoneAudience.Allows(relation) ? Phone : null,
                WebsiteAudience.Allows(relation) ? Website : null),
            ProfileViewMapping.Order(Positions.Select(p => PositionView.Of(p.Id, p.OrganizationName, p.OrganizationSlug, p.Title,
                p.Location, p.Description, p.StartMonth, p.EndMonth) with { ConfirmedAt = p.UpdatedAt, SharedAsNews = p.SharedAsNews })),
            Education.OrderByDescending(e => e.EndYear ?? int.MaxValue).ThenByDescending(e => e.StartYear).ToList(),
            Skills, Interests, Updated, relation, badge.Degree, badge.MutualCount, HideConnections, Reach);
    }
}
