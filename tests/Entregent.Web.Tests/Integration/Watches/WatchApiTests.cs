using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Features.Watches;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Watches;

/// <summary>Watches over the API: create, list, edit, delete; owner only; bad input; the per-member limit.</summary>
public class WatchApiTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Keywords_CreatedListedEditedDeleted()
    {
        var ada = await RegisterMemberAsync("Ada");

        var created = await ada.CreateWatchAsync(new { kind = "keywords", name = "Énergie", keywords = "solaire \"énergie verte\"", exclusions = "nucléaire",
            sources = PostsAndGroups }, Cancellation);
        var id = created.GetProperty("id").GetInt64();
        var list = await ada.GetJsonAsync("/api/v1/watches", Cancellation);
        using var edit = await ada.Client.PutAsJsonAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative),
            new { name = "Solaire", keywords = "photovoltaïque", sources = People }, Cancellation);
        var edited = await edit.ReadJsonAsync(Cancellation);
        using var delete = await ada.Client.DeleteAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative), Cancellation);
        using var gone = await ada.Client.GetAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative), Cancellation);

        Assert.Equal("keywords", created.GetProperty("kind").GetString());
        Assert.Equal(["posts", "groups"], created.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("nucléaire", created.GetProperty("exclusions").GetString());
        Assert.Contains(id, list.EnumerateArray().Select(w => w.GetProperty("id").GetInt64()));
        Assert.Equal("Solaire", edited.GetProperty("name").GetString());
        Assert.Equal(["people"], edited.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKindNull, edited.GetProperty("exclusions").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static readonly string[] Posts = ["posts"];
    private static readonly string[] People = ["people"];
    private static readonly string[] PostsAndGroups = ["posts", "groups"];

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task SavedSearch_QueryParsedAsTheSearchPageDoes()
    {
        var ada = await RegisterMemberAsync("Ada");

        var created = await ada.CreateWatchAsync(new { kind = "savedSearch", name = "Lyon engineers", query = "q=ingénieure&location=Lyon&degree=2&p=3" },
            Cancellation);

        Assert.Equal("savedSearch", created.GetProperty("kind").GetString());
        Assert.Equal(["people"], created.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("""{"kind":"keywords","name":"","keywords":"a","sources":["posts"]}""", "name")]
    [InlineData("""{"kind":"keywords","name":"<b>x</b>","keywords":"a","sources":["posts"]}""", "name")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"","sources":["posts"]}""", "keywords")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"\"\" ,;","sources":["posts"]}""", "keywords")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"a","sources":[]}""", "sources")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"a","sources":["jobs"]}""", "sources")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"a","sources":["1"]}""", "sources")]
    [InlineData("""{"kind":"keywords","name":"x","keywords":"a\u0001b","sources":["posts"]}""", "keywords")]
    [InlineData("""{"kind":"alerts","name":"x","keywords":"a","sources":["posts"]}""", "kind")]
    [InlineData("""{"name":"x","keywords":"a","sources":["posts"]}""", "kind")]
    [InlineData("""{"kind":"savedSearch","name":"x"}""", "query")]
    [InlineData("""{"kind":"savedSearch","name":"x","query":"q=a&colour=blue"}""", "query")]
    [InlineData("""{"kind":"savedSearch","name":"x","query":"degree=7"}""", "query")]
    [InlineData("""{"kind":"savedSearch","name":"x","query":"organization=no-such-organisation-anywhere"}""", "query")]
    public async Task Create_BadInput_400WithTheField(string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada");

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/watches", UriKind.Relative), RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await ada.GetJsonAsync("/api/v1/watches", Cancellation)).GetArrayLength());
    }

    [Fact]
    public async Task Create_OverLong_400()
    {
        var ada = await RegisterMemberAsync("Ada");

        using var name = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/watches", UriKind.Relative),
            new { kind = "keywords", name = new string('n', Watch.NameMaxLength + 1), keywords = "a", sources = Posts }, Cancellation);
        using var keywords = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/watches", UriKind.Relative),
            new { kind = "keywords", name = "n", keywords = new string('k', Watch.KeywordsMaxLength + 1), sources = Posts }, Cancellation);
        using var query = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/watches", UriKind.Relative),
            new { kind = "savedSearch", name = "n", query = "q=" + new string('q', Watch.QueryMaxLength) }, Cancellation);

        await AssertProblemAsync(name, HttpStatusCode.BadRequest, "name");
        await AssertProblemAsync(keywords, HttpStatusCode.BadRequest, "keywords");
        await AssertProblemAsync(query, HttpStatusCode.BadRequest, "query");
    }

    [Fact]
    public async Task Edit_KindChange_400_AndBadInput_LeavesItUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada");
        var id = await ada.WatchKeywordsAsync("cloud", cancellationToken: Cancellation);

        using var kind = await ada.Client.PutAsJsonAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative),
            new { kind = "savedSearch", name = "x", query = "q=a" }, Cancellation);
        using var empty = await ada.Client.PutAsJsonAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative),
            new { name = "x", keywords = "", sources = Posts }, Cancellation);
        var after = await ada.GetJsonAsync($"/api/v1/watches/{id}", Cancellation);

        await AssertProblemAsync(kind, HttpStatusCode.BadRequest, "kind");
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "keywords");
        Assert.Equal("cloud", after.GetProperty("keywords").GetString());
    }

    [Fact]
    public async Task Limit_PerMember_409()
    {
        var ada = await RegisterMemberAsync("Ada");
        for (var i = 0; i < Watch.MaxWatchesPerMember; i++)
        {
            await ada.WatchKeywordsAsync("word" + i, cancellationToken: Cancellation);
        }

        using var response = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/watches", UriKind.Relative),
            new { kind = "keywords", name = "one more", keywords = "more", sources = Posts }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(Watch.MaxWatchesPerMember, (await ada.GetJsonAsync("/api/v1/watches", Cancellation)).GetArrayLength());
    }

    [Fact]
    public async Task OthersWatch_404Everywhere_AndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada");
        var mallory = await RegisterMemberAsync("Mallory");
        var id = await ada.WatchKeywordsAsync("cloud", cancellationToken: Cancellation);

        using var get = await mallory.Client.GetAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative), Cancellation);
        using var matches = await mallory.Client.GetAsync(new Uri($"/api/v1/watches/{id}/matches", UriKind.Relative), Cancellation);
        using var put = await mallory.Client.PutAsJsonAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative),
            new { name = "mine", keywords = "x", sources = Posts }, Cancellation);
        using var delete = await mallory.Client.DeleteAsync(new Uri($"/api/v1/watches/{id}", UriKind.Relative), Cancellation);
        using var unknown = await ada.Client.GetAsync(new Uri("/api/v1/watches/999999999", UriKind.Relative), Cancellation);
        var list = await mallory.GetJsonAsync("/api/v1/watches", Cancellation);

        await AssertProblemAsync(get, HttpStatusCode.NotFound);
        await AssertProblemAsync(matches, HttpStatusCode.NotFound);
        await AssertProblemAsync(put, HttpStatusCode.NotFound);
        await AssertProblemAsync(delete, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal("cloud", (await ada.GetJsonAsync($"/api/v1/watches/{id}", Cancellation)).GetProperty("keywords").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/watches")]
    [InlineData("POST", "/api/v1/watches")]
    [InlineData("GET", "/api/v1/watches/1")]
    [InlineData("PUT", "/api/v1/watches/1")]
    [InlineData("DELETE", "/api/v1/watches/1")]
    [InlineData("GET", "/api/v1/watches/1/matches")]
    public async Task Anonymous_Unauthorized(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = method is "POST" or "PUT" ? RawJson("{}") : null };
        using var response = await App.AnonymousClient().SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
