using Entregent.Web.Infrastructure;

namespace Entregent.Web.Features.Profiles;

public sealed record OrganizationRef(string Name, string Slug);

/// <param name="ConfirmedAt">When its owner last edited or confirmed it ("last confirmed").</param>
/// <param name="SharedAsNews">Its owner told their connections about it (career news).</param>
public sealed record PositionView(long Id, OrganizationRef Organization, string Title, string? Location, string? Description,
    string StartMonth, string? EndMonth, bool Current, DateTimeOffset? ConfirmedAt = null, bool SharedAsNews = false)
{
    /// <summary>A stored position as the API shows it: months as "2019-03", current when it has no end.</summary>
    public static PositionView Of(long id, string organizationName, string organizationSlug, string title, string? location,
        string? description, DateOnly startMonth, DateOnly? endMonth) =>
        new(id, new OrganizationRef(organizationName, organizationSlug), title, location, description,
            Months.Format(startMonth), Months.Format(endMonth), endMonth is null);
}

public sealed record EducationView(long Id, OrganizationRef School, string? Degree, string? Field, int? StartYear, int? EndYear);

/// <summary>A contact detail with its audience; the audience is shown to the owner only.</summary>
public sealed record ContactView(string? Email, string? Phone, string? Website);

/// <summary>When each section last changed, so a reader can judge how fresh it is.</summary>
public sealed record SectionDates(DateTimeOffset Intro, DateTimeOffset Contact, DateTimeOffset OpenTo,
    DateTimeOffset? Positions, DateTimeOffset? Education, DateTimeOffset? Skills, DateTimeOffset? Photo);

/// <summary>
/// A profile as one viewer may see it: contact details outside the viewer's audience are left out (null); the viewer's
/// degree and mutual-connection count come from the graph.
/// </summary>
public sealed record MemberView(
    string Handle,
    string DisplayName,
    string? GivenName,
    string? FamilyName,
    DateOnly? Birthday,
    string? Headline,
    string? Summary,
    string? Location,
    string? Industry,
    IReadOnlyList<string> Languages,
    string? PhotoUrl,
    IReadOnlyList<OpenTo> OpenTo,
    ContactView Contact,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<EducationView> Education,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Interests,
    SectionDates Updated,
    ViewerRelation Relation,
    Entregent.Graph.Degree Degree,
    int MutualCount,
    bool HidesConnections,
    ProfileReach Reach);

/// <summary>The owner's own profile: everything, with the audience of each contact detail and the version for If-Match.</summary>
public sealed record MyProfileView(
    MemberView Profile,
    string Email,
    bool EmailConfirmed,
    bool IsAdministrator,
    Audience ContactEmailAudience,
    Audience PhoneAudience,
    Audience WebsiteAudience,
    int Version);

internal static class ProfileViewMapping
{
    public static IReadOnlyList<OpenTo> Flags(OpenTo value) =>
        Enum.GetValues<OpenTo>().Where(f => f != Profiles.OpenTo.None && value.HasFlag(f)).ToList();

    public static string? PhotoUrl(string? key) => key is null ? null : "/media/" + key;

    public static IReadOnlyList<PositionView> Order(IEnumerable<PositionView> positions) =>
        positions.OrderByDescending(p => p.Current).ThenByDescending(p => p.EndMonth, StringComparer.Ordinal)
            .ThenByDescending(p => p.StartMonth, StringComparer.Ordinal).ToList();
}
