using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with their own profile.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/me</c>: the member's own profile (profile, email, emailConfirmed, isAdministrator, version…).</summary>
    public static async Task<JsonElement> GetMyProfileAsync(this Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>GET /api/v1/me</c> as raw text, to compare the whole profile before and after a refused write.</summary>
    public static async Task<string> GetMyProfileTextAsync(this Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, "read my profile", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary><c>PATCH /api/v1/me</c> with <paramref name="changes"/>; the edited profile.</summary>
    public static async Task<JsonElement> EditProfileAsync(this Member member, object changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PatchAsJsonAsync(new Uri("/api/v1/me", UriKind.Relative), changes, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>POST /api/v1/me/positions</c>; the created position (id, organization {name, slug}, current…).</summary>
    public static async Task<JsonElement> AddPositionAsync(this Member member, string organization, string title, string startMonth,
        string? endMonth = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsJsonAsync(
            new Uri("/api/v1/me/positions", UriKind.Relative),
            new { organization, title, startMonth, endMonth },
            cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>POST /api/v1/me/education</c>; the created entry (id, school {name, slug}…).</summary>
    public static async Task<JsonElement> AddEducationAsync(this Member member, string school, string? degree = null, int? startYear = null,
        int? endYear = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsJsonAsync(
            new Uri("/api/v1/me/education", UriKind.Relative),
            new { school, degree, field = (string?)null, startYear, endYear },
            cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary>"yyyy-MM" of the month <paramref name="monthsAgo"/> before the app's clock.</summary>
    public static string MonthsAgo(this EntregentFactory app, int monthsAgo)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Time.GetUtcNow().AddMonths(-monthsAgo).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
