using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Groups;

/// <summary>What the group routes refuse, with the field at fault, and that a refusal writes nothing.</summary>
public class GroupBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, string> BadGroups => new()
    {
        { """{"name":""}""", "name" },
        { """{"name":"   "}""", "name" },
        { """{"description":"no name"}""", "name" },
        { "{\"name\":\"" + new string('n', 101) + "\"}", "name" },
        { """{"name":"<script>alert(1)</script>"}""", "name" },
        { """{"name":"Line\nbreak"}""", "name" },
        { """{"name":"---"}""", "name" },
        { "{\"name\":\"Long description\",\"description\":\"" + new string('d', 2001) + "\"}", "description" },
        { "{\"name\":\"Long rules\",\"rules\":\"" + new string('r', 4001) + "\"}", "rules" },
        { """{"name":"Open private","kind":"private","joinPolicy":"open"}""", "joinPolicy" },
        { """{"name":"Open unlisted","kind":"unlisted","joinPolicy":"open"}""", "joinPolicy" },
        { """{"name":"Internal alone","isInternal":true}""", "organization" },
        { """{"name":"Unknown org","organization":"no-such-organization-zz"}""", "organization" },
    };

    [Theory]
    [MemberData(nameof(BadGroups))]
    public async Task Create_BadInput_BadRequestOnFieldAndNoGroup(string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada Bad");
        var id = await App.MemberIdAsync(ada, Cancellation);

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/groups", UriKind.Relative), RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await App.InStoreAsync(db => db.Groups.CountAsync(g => g.CreatedById == id, Cancellation)));
    }

    [Theory]
    [InlineData("""{"name":"Bad kind","kind":"secret"}""")]
    [InlineData("""{"name":"Bad policy","joinPolicy":"sometimes"}""")]
    [InlineData("""{"name":"Numeric kind","kind":2}""")]
    [InlineData("""not json""")]
    public async Task Create_Malformed_BadRequestNever500(string json)
    {
        var ada = await RegisterMemberAsync("Ada Malformed");

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/groups", UriKind.Relative), RawJson(json), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_OrganizationWhereNotVerified_BadRequestOnOrganization()
    {
        var ada = await RegisterMemberAsync("Ada Unverified");
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);

        using var response = await ada.SendCreateGroupAsync(new { name = "Not mine", organization = organization.Slug, isInternal = true }, Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "organization");
        Assert.Contains("verified", problem.GetProperty("errors").GetProperty("organization")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ScriptInDescription_StoredAsTextRenderedSafe()
    {
        var ada = await RegisterMemberAsync("Ada Script");

        var group = await ada.CreateGroupAsync("Safe", description: "Hello <script>alert(1)</script> [x](javascript:alert(1))", cancellationToken: Cancellation);

        var html = group.GetProperty("descriptionHtml").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Edit_BadInput_BadRequestAndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada Edit");
        var slug = (await ada.CreateGroupAsync("Stable", cancellationToken: Cancellation)).Slug();

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { name = "" }, "name"),
            (new { name = "<b>bold</b>" }, "name"),
            (new { kind = "private", joinPolicy = "open" }, "joinPolicy"),
            (new { description = new string('d', 2001) }, "description"),
        })
        {
            using var response = await ada.GroupRequestAsync("PATCH", slug, body: body, cancellationToken: Cancellation);
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        }
        var view = await ada.GroupAsync(slug, Cancellation);
        Assert.StartsWith("Stable", view.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("public", view.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/join")]
    [InlineData("GET", "/members")]
    [InlineData("POST", "/invitations")]
    [InlineData("PATCH", "")]
    public async Task Routes_UnknownSlug_NotFound(string method, string path)
    {
        var ada = await RegisterMemberAsync("Ada Unknown");

        using var response = await ada.GroupRequestAsync(method, "no-such-group-" + Guid.NewGuid().ToString("N")[..6], path,
            method is "POST" or "PATCH" ? new { handle = ada.Handle, name = "x" } : null, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invite_UnknownEmptyOrSelf_RefusedOnHandle()
    {
        var ada = await RegisterMemberAsync("Ada Invite");
        var slug = (await ada.CreateGroupAsync(cancellationToken: Cancellation)).Slug();

        using (var unknown = await ada.GroupRequestAsync("POST", slug, "/invitations", new { handle = "nobody-zz-" + Guid.NewGuid().ToString("N")[..6] }, Cancellation))
        {
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        }
        using (var empty = await ada.GroupRequestAsync("POST", slug, "/invitations", new { handle = "" }, Cancellation))
        {
            await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "handle");
        }
        using (var self = await ada.GroupRequestAsync("POST", slug, "/invitations", new { handle = ada.Handle }, Cancellation))
        {
            await AssertProblemAsync(self, HttpStatusCode.BadRequest, "handle");
        }
        using var unknownMember = await ada.GroupRequestAsync("DELETE", slug, "/members/nobody-zz-404", cancellationToken: Cancellation);
        await AssertProblemAsync(unknownMember, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetRole_MissingOrNonMember_Refused()
    {
        var ada = await RegisterMemberAsync("Ada Roles");
        var bob = await RegisterMemberAsync("Bob Outsider");
        var slug = (await ada.CreateGroupAsync(cancellationToken: Cancellation)).Slug();

        using (var missing = await ada.GroupRequestAsync("PUT", slug, $"/members/{bob.Handle}/role", new { role = (string?)null }, Cancellation))
        {
            await AssertProblemAsync(missing, HttpStatusCode.BadRequest, "role");
        }
        using var outsider = await ada.GroupRequestAsync("PUT", slug, $"/members/{bob.Handle}/role", new { role = "manager" }, Cancellation);
        await AssertProblemAsync(outsider, HttpStatusCode.Conflict, "handle");
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-3", "page")]
    [InlineData("?page=2147483647", "page")]
    public async Task Discover_BadPage_BadRequest(string query, string field)
    {
        var ada = await RegisterMemberAsync("Ada Pages");

        using var response = await ada.Client.GetAsync(new Uri("/api/v1/groups" + query, UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/members?page=0")]
    [InlineData("/members?page=2147483647")]
    [InlineData("/requests?page=2147483647")]
    public async Task Members_BadPage_BadRequestOnPage(string path)
    {
        var ada = await RegisterMemberAsync("Ada Member Pages");
        var slug = (await ada.CreateGroupAsync(cancellationToken: Cancellation)).Slug();

        using var response = await ada.Client.GetAsync(new Uri($"/api/v1/groups/{slug}{path}", UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task Address_TypedInAnyCase_FindsTheGroup()
    {
        var ada = await RegisterMemberAsync("Ada Address");
        var slug = (await ada.CreateGroupAsync(cancellationToken: Cancellation)).Slug();

        var group = await ada.GetJsonAsync($"/api/v1/groups/{slug.ToUpperInvariant()}", Cancellation);

        Assert.Equal(slug, group.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Discover_OverLongQuery_BadRequestOnQ()
    {
        var ada = await RegisterMemberAsync("Ada Query");

        using var response = await ada.Client.GetAsync(new Uri("/api/v1/groups?q=" + new string('q', 101), UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
    }
}
