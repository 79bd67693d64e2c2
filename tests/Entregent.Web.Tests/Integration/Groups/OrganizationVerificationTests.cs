using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Groups;

/// <summary>Verified membership of an organisation: by e-mail domain or an administrator's approval; revoking closes internal groups at once.</summary>
public class OrganizationVerificationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Request_ConfirmedEmailAtDomain_VerifiedAtOnce()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);
        var ada = await RegisterMemberAsync("Ada Domain");
        using (var set = await admin.Client.PutAsJsonAsync($"/api/v1/organizations/{organization.Slug}/email-domain", new { emailDomain = "@Example.org" },
            Cancellation))
        {
            Assert.Equal("example.org", (await set.ReadJsonAsync(Cancellation)).GetProperty("emailDomain").GetString());
        }
        await SetEmailConfirmedAsync(ada, false);

        using (var unconfirmed = await ada.Client.PostAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verification", UriKind.Relative), null, Cancellation))
        {
            var problem = await AssertProblemAsync(unconfirmed, HttpStatusCode.Conflict, "organization");
            Assert.Contains("Confirm your e-mail", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await SetEmailConfirmedAsync(ada, true);
        using var verified = await ada.Client.PostAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verification", UriKind.Relative), null, Cancellation);

        var body = await verified.ReadJsonAsync(Cancellation);
        Assert.True(body.GetProperty("verified").GetBoolean());
        Assert.Equal("emailDomain", body.GetProperty("method").GetString());
        Assert.True((await ada.GetJsonAsync($"/api/v1/organizations/{organization.Slug}/verification", Cancellation)).GetProperty("verified").GetBoolean());
        // Now she may create the organisation's internal group.
        var group = await ada.CreateGroupAsync("Inside", organization: organization.Slug, isInternal: true, cancellationToken: Cancellation);
        Assert.True(group.GetProperty("isInternal").GetBoolean());
    }

    [Fact]
    public async Task Request_EmailElsewhereOrNoDomain_ConflictSaysAnAdministratorMustApprove()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var withDomain = await App.CreateOrganizationInStoreAsync("acme.example", cancellationToken: Cancellation);
        var withoutDomain = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);
        var bob = await RegisterMemberAsync("Bob Elsewhere");
        await SetEmailConfirmedAsync(bob, true);

        foreach (var slug in new[] { withDomain.Slug, withoutDomain.Slug })
        {
            using var refused = await bob.Client.PostAsync(new Uri($"/api/v1/organizations/{slug}/verification", UriKind.Relative), null, Cancellation);
            var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict, "organization");
            Assert.Contains("administrator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.False((await bob.GetJsonAsync($"/api/v1/organizations/{withDomain.Slug}/verification", Cancellation)).GetProperty("verified").GetBoolean());

        using var approved = await admin.Client.PutAsync(new Uri($"/api/v1/organizations/{withDomain.Slug}/verified-members/{bob.Handle}", UriKind.Relative),
            null, Cancellation);
        var body = await approved.ReadJsonAsync(Cancellation);
        Assert.True(body.GetProperty("verified").GetBoolean());
        Assert.Equal("approval", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Revoke_VerifiedMemberOfInternalGroup_GroupHiddenAtOnce()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);
        var owner = await RegisterMemberAsync("Olga Internal");
        var cleo = await RegisterMemberAsync("Cleo Insider");
        foreach (var member in new[] { owner, cleo })
        {
            using var approved = await admin.Client.PutAsync(
                new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/{member.Handle}", UriKind.Relative), null, Cancellation);
            await MemberActions.EnsureSuccessAsync(approved, "verify", Cancellation);
        }
        var group = await owner.CreateGroupAsync("Staff room", "private", organization: organization.Slug, isInternal: true, cancellationToken: Cancellation);
        var slug = group.Slug();
        await owner.AddToGroupAsync(slug, cleo, Cancellation);
        Assert.Contains(slug, (await cleo.GetJsonAsync("/api/v1/me/groups", Cancellation)).GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("slug").GetString()));

        using (var revoked = await admin.Client.DeleteAsync(
            new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/{cleo.Handle}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using (var hidden = await cleo.GroupRequestAsync("GET", slug, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        }
        Assert.Empty((await cleo.GetJsonAsync("/api/v1/me/groups", Cancellation)).GetProperty("groups").EnumerateArray());
        Assert.Empty(await cleo.DiscoverGroupsAsync(group.GetProperty("name").GetString()!, Cancellation));
        // The others no longer see her in the member list either.
        Assert.Equal([owner.Handle], await owner.GroupMemberHandlesAsync(slug, Cancellation));
        using var twice = await admin.Client.DeleteAsync(
            new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/{cleo.Handle}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(twice, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdministratorRoutes_NotAdministrator_ForbiddenAndNothingChanged()
    {
        await App.AdministratorAsync(Cancellation);
        var organization = await App.CreateOrganizationInStoreAsync("acme.example", cancellationToken: Cancellation);
        var eve = await RegisterMemberAsync("Eve Intruder");

        using (var domain = await eve.Client.PutAsJsonAsync($"/api/v1/organizations/{organization.Slug}/email-domain", new { emailDomain = "evil.example" },
            Cancellation))
        {
            await AssertProblemAsync(domain, HttpStatusCode.Forbidden);
        }
        using (var self = await eve.Client.PutAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/{eve.Handle}", UriKind.Relative),
            null, Cancellation))
        {
            await AssertProblemAsync(self, HttpStatusCode.Forbidden);
        }
        using (var revoke = await eve.Client.DeleteAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/{eve.Handle}", UriKind.Relative),
            Cancellation))
        {
            await AssertProblemAsync(revoke, HttpStatusCode.Forbidden);
        }
        using var anonymous = AnonymousClient();
        using (var request = await anonymous.PostAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verification", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, request.StatusCode);
        }
        var id = organization.Id;
        Assert.Equal("acme.example", await App.InStoreAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.EmailDomain).SingleAsync(Cancellation)));
        Assert.Equal(0, await App.InStoreAsync(db => db.OrganizationVerifications.CountAsync(v => v.OrganizationId == id, Cancellation)));
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("nodot")]
    [InlineData("<script>.example")]
    public async Task SetDomain_Invalid_BadRequestOnEmailDomain(string domain)
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);

        using var response = await admin.Client.PutAsJsonAsync($"/api/v1/organizations/{organization.Slug}/email-domain", new { emailDomain = domain }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "emailDomain");
    }

    [Fact]
    public async Task Routes_UnknownOrganizationOrHandle_NotFound()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);

        using (var unknownOrganization = await admin.Client.PutAsync(new Uri($"/api/v1/organizations/no-such-org-zz/verified-members/{admin.Handle}",
            UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(unknownOrganization, HttpStatusCode.NotFound);
        }
        using (var unknownMember = await admin.Client.PutAsync(new Uri($"/api/v1/organizations/{organization.Slug}/verified-members/nobody-zz-404",
            UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(unknownMember, HttpStatusCode.NotFound);
        }
        using var request = await admin.Client.PostAsync(new Uri("/api/v1/organizations/no-such-org-zz/verification", UriKind.Relative), null, Cancellation);
        await AssertProblemAsync(request, HttpStatusCode.NotFound);
    }

    private Task<int> SetEmailConfirmedAsync(Member member, bool confirmed)
    {
        var email = member.Email.ToUpperInvariant();
        return App.InStoreAsync(db => db.Users.Where(u => u.NormalizedEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, confirmed), Cancellation));
    }
}
