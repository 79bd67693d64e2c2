using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does to find people: search, typeahead, and the profile parts search reads.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/search/people?{query}</c> (query string without '?'); the result (total, members, facets).</summary>
    public static Task<JsonElement> SearchPeopleAsync(this Member member, string query, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync("/api/v1/search/people?" + query, cancellationToken);

    /// <summary><c>GET /api/v1/search/typeahead?q=</c>; the suggestions (items[] with kind, label, url, degree…).</summary>
    public static Task<JsonElement> TypeaheadAsync(this Member member, string q, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync("/api/v1/search/typeahead?q=" + Uri.EscapeDataString(q), cancellationToken);

    /// <summary><c>PUT /api/v1/me/skills</c>.</summary>
    public static async Task SetSkillsAsync(this Member member, IReadOnlyList<string> skills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PutAsJsonAsync(new Uri("/api/v1/me/skills", UriKind.Relative), new { skills }, cancellationToken);
        await EnsureSuccessAsync(response, "set skills", cancellationToken);
    }

    /// <summary>The handles of a people search result, in rank order.</summary>
    public static IReadOnlyList<string> FoundHandles(this JsonElement result) =>
        [.. result.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("member").GetProperty("handle").GetString()!)];

    /// <summary>The count of one facet value (0 when absent).</summary>
    public static int FacetCount(this JsonElement result, string facet, string value) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .Where(f => f.GetProperty("value").GetString() == value).Select(f => f.GetProperty("count").GetInt32()).FirstOrDefault();
}
