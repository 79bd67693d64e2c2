using System.Net;
using System.Net.Http.Headers;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>
/// The people search page (<c>/search</c>) over HTTP: members only, the use case's refusals shown on the page rather
/// than as an error page, text from the query never written back as markup, and a found member's card.
/// </summary>
public class SearchPageTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SearchPage_Anonymous_RedirectsToSignIn()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/search?q=ada", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.Contains("/account/sign-in", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fsearch%3Fq%3Dada", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_TenKilobyteQuery_ShowsTheErrorOnThePage()
    {
        var ada = await RegisterMemberAsync("Ada Long Query");

        var (status, html) = await GetPageAsync(ada, "/search?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("At most 200 characters.", html, StringComparison.Ordinal);
        // The message links to the query box, which says it is invalid; no result list is drawn.
        Assert.Contains("href=\"#q\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("search-hit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_TenKilobyteQuery_InFrench_ShowsTheFrenchError()
    {
        var ada = await RegisterMemberAsync("Ada Requête Longue");
        ada.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var (status, html) = await GetPageAsync(ada, "/search?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Rechercher des personnes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("At most 200 characters.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_MarkupInTheQuery_IsShownAsText()
    {
        var ada = await RegisterMemberAsync("Ada Markup");

        var (status, html) = await GetPageAsync(ada, "/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>") + "&title="
            + Uri.EscapeDataString("\"><img src=x>"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_ConnectionByName_ShowsCardWithDegreeAndPosition()
    {
        var ada = await RegisterMemberAsync("Ada Searcher");
        var name = MemberActions.UniqueName("Quentin");
        var quentin = await RegisterMemberAsync(name);
        await quentin.AddPositionAsync(MemberActions.UniqueName("Searchable Corp"), "Ingénieur logiciel", App.MonthsAgo(24),
            cancellationToken: Cancellation);
        await ConnectAsync(ada, quentin);
        await WaitForNetworkAsync();

        var (status, html) = await GetPageAsync(ada, "/search?q=" + Uri.EscapeDataString(name));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 person", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/in/{quentin.Handle}\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"degree\" title=\"Degree of connection\">1st</span>", html, StringComparison.Ordinal);
        Assert.Contains("Ingénieur logiciel at Searchable Corp", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_FilterInForce_CanBeRemovedAsAChip()
    {
        var ada = await RegisterMemberAsync("Ada Chips");

        var (_, html) = await GetPageAsync(ada, "/search?q=nobody-at-all-zzz&degree=1&location=Lyon");

        // Each filter is a chip whose link is the same search without it; the empty state offers to clear them all.
        Assert.Contains("href=\"/search?q=nobody-at-all-zzz&amp;location=Lyon\" aria-label=\"Remove the filter 1st\"", html,
            StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=nobody-at-all-zzz&amp;degree=1\" aria-label=\"Remove the filter Location: Lyon\"", html,
            StringComparison.Ordinal);
        Assert.Contains("No one you may see matches this search.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=nobody-at-all-zzz\"", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(Member member, string path)
    {
        using var response = await member.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }
}
