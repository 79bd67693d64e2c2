using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Benchmarks.Search;

/// <summary>
/// The app's answers to the same parameter sets through its API, one request at a time on one kept-alive connection
/// (loopback HTTP, bearer tokens of the viewers signed in with the demo password). The answers are reduced to handles
/// so that they can be set beside the SQL's.
/// </summary>
internal sealed class SearchApp : IDisposable
{
    private const string DemoPassword = "demo-password-2026";

    // DegreeFilter's bits (First, Second, ThirdOrBeyond); the API says 1, 2 or 3.
    private static readonly int[] DegreeBits = [1, 2, 4];

    private readonly HttpClient _http;
    private readonly Dictionary<long, string> _tokens = [];

    public SearchApp(string baseAddress, IEnumerable<(long Id, string Email)> viewers)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(2) };
        foreach (var (id, email) in viewers)
        {
            using var response = _http.PostAsJsonAsync("/api/v1/accounts/token", new { email, password = DemoPassword }).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            _tokens[id] = body.RootElement.GetProperty("accessToken").GetString()!;
        }
    }

    /// <summary>Total and the page's handles, in order.</summary>
    public (int Total, List<string> Handles) People(PeopleParameters p)
    {
        using var body = Get(p.Viewer, PeoplePath(p));
        var root = body.RootElement;
        var total = root.TryGetProperty("total", out var t) ? t.GetInt32() : -1;
        var handles = root.TryGetProperty("members", out var members)
            ? members.EnumerateArray().Select(m => Handles(m).FirstOrDefault() ?? "?").ToList()
            : [];
        return (total, handles);
    }

    public static string PeoplePath(PeopleParameters p)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(p.Text) };
        if (p.Location is not null)
        {
            query.Add("location=" + Uri.EscapeDataString(p.Location));
        }

        if (p.OrganizationSlug is not null)
        {
            query.Add("organization=" + Uri.EscapeDataString(p.OrganizationSlug));
        }

        if (p.SkillName is not null)
        {
            query.Add("skill=" + Uri.EscapeDataString(p.SkillName));
        }

        query.AddRange(DegreeBits.Where(bit => (p.Degrees & bit) != 0).Select(bit => "degree=" + (bit == 4 ? 3 : bit)));
        query.Add("page=" + p.Page.ToString(CultureInfo.InvariantCulture));
        return "/api/v1/search/people?" + string.Join('&', query);
    }

    public static string TypeaheadPath(string typed) => "/api/v1/search/typeahead?q=" + Uri.EscapeDataString(typed);

    public static string PeopleYouKnowPath(string slug) => $"/api/v1/organizations/{Uri.EscapeDataString(slug)}/people-you-know";

    /// <summary>The member suggestions' handles, in order (organisations and skills are counted, not compared).</summary>
    public (List<string> Members, int Others) Typeahead(long viewer, string typed)
    {
        using var body = Get(viewer, TypeaheadPath(typed));
        var members = new List<string>();
        var others = 0;
        foreach (var item in body.RootElement.GetProperty("items").EnumerateArray())
        {
            var url = item.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
            if (url.StartsWith("/in/", StringComparison.Ordinal))
            {
                members.Add(url[4..]);
            }
            else
            {
                others++;
            }
        }

        return (members, others);
    }

    /// <summary>Every member handle the answer names, in order (people, then their intermediaries as they come).</summary>
    public List<string> PeopleYouKnow(long viewer, string slug)
    {
        using var body = Get(viewer, PeopleYouKnowPath(slug));
        return Handles(body.RootElement).ToList();
    }

    /// <summary>Whether this build has the route (404 for an unknown route; the organisation exists).</summary>
    public bool Serves(string path, long viewer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[viewer]);
        using var response = _http.Send(request);
        return response.StatusCode != System.Net.HttpStatusCode.NotFound;
    }

    /// <summary>The floor under every API answer: an authenticated GET that does almost nothing.</summary>
    public void Me(long viewer) => Get(viewer, "/api/v1/me").Dispose();

    private JsonDocument Get(long viewer, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[viewer]);
        using var response = _http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }

        using var stream = response.Content.ReadAsStream();
        return JsonDocument.Parse(stream);
    }

    private static IEnumerable<string> Handles(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("handle") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var handle in Handles(property.Value))
                        {
                            yield return handle;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var handle in Handles(item))
                    {
                        yield return handle;
                    }
                }

                break;
            default:
                break;
        }
    }

    public void Dispose() => _http.Dispose();
}
