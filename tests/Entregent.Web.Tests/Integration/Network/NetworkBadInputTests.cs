using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>Refused network input: a ProblemDetails naming the field, never a 500, and nothing written.</summary>
public class NetworkBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("note", 301, "note")]
    [InlineData("context", 0, "context")]
    [InlineData("contextNumber", 0, "context")]
    [InlineData("organization", 0, "organization")]
    [InlineData("to", 0, "to")]
    [InlineData("self", 0, "to")]
    public async Task Invite_BadField_BadRequestOnFieldAndNothingWritten(string field, int length, string expectedField)
    {
        var ada = await RegisterMemberAsync("Ada Bad Invite");
        var grace = await RegisterMemberAsync("Grace Bad Invite");
        var json = field switch
        {
            "note" => $$"""{"to": "{{grace.Handle}}", "note": "{{new string('n', length)}}"}""",
            "context" => $$"""{"to": "{{grace.Handle}}", "context": "acquaintance"}""",
            "contextNumber" => $$"""{"to": "{{grace.Handle}}", "context": 1}""",
            "organization" => $$"""{"to": "{{grace.Handle}}", "context": "colleague", "organization": "no-such-organization-{{Guid.NewGuid():N}}"}""",
            "to" => """{"note": "Hello"}""",
            _ => $$"""{"to": "{{ada.Handle}}"}""",
        };
        var before = await InvitationCountAsync();

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/invitations", UriKind.Relative), RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        Assert.Equal(before, await InvitationCountAsync());
    }

    [Fact]
    public async Task Invite_LongestNote_Sent()
    {
        var ada = await RegisterMemberAsync("Ada Long Note");
        var grace = await RegisterMemberAsync("Grace Long Note");

        var invitation = await ada.InviteAsync(grace, new string('n', 300), "event", cancellationToken: Cancellation);

        Assert.Equal(300, invitation.GetProperty("note").GetString()!.Length);
        Assert.Equal("event", invitation.GetProperty("context").GetString());
    }

    [Theory]
    [InlineData("""{"to": "unterminated""")]
    [InlineData("""not json at all""")]
    [InlineData("""{"to": ["someone"]}""")]
    [InlineData("""{"to": "x", "note": 42}""")]
    public async Task Invite_UnreadableJson_BadRequestAndNothingWritten(string json)
    {
        var ada = await RegisterMemberAsync("Ada Json Invite");
        var before = await InvitationCountAsync();

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/invitations", UriKind.Relative), RawJson(json), Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorFields(problem));
        Assert.Equal(before, await InvitationCountAsync());
    }

    [Fact]
    public async Task Invite_UnknownHandle_NotFound()
    {
        var ada = await RegisterMemberAsync("Ada Unknown");

        using var response = await ada.SendInvitationAsync("no-such-member-" + Guid.NewGuid().ToString("N")[..8], cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/v1/invitations/987654321/accept")]
    [InlineData("POST", "/api/v1/invitations/987654321/ignore")]
    [InlineData("DELETE", "/api/v1/invitations/987654321")]
    [InlineData("DELETE", "/api/v1/me/connections/no-such-member")]
    [InlineData("GET", "/api/v1/members/no-such-member/connection")]
    [InlineData("GET", "/api/v1/members/no-such-member/mutual")]
    [InlineData("GET", "/api/v1/members/no-such-member/connections")]
    [InlineData("DELETE", "/api/v1/me/suggestions/no-such-member")]
    [InlineData("PUT", "/api/v1/me/blocks/no-such-member")]
    [InlineData("DELETE", "/api/v1/me/blocks/no-such-member")]
    [InlineData("PUT", "/api/v1/me/follows/no-such-member-or-organization")]
    [InlineData("DELETE", "/api/v1/me/follows/no-such-member-or-organization")]
    public async Task Route_UnknownIdOrHandle_NotFoundProblem(string method, string path)
    {
        var ada = await RegisterMemberAsync("Ada Unknown Route");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await ada.Client.SendAsync(request, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/invitations?direction=sideways", "direction")]
    [InlineData("/api/v1/invitations?page=0", "page")]
    [InlineData("/api/v1/me/connections?page=0", "page")]
    [InlineData("/api/v1/invitations?page=2147483647", "page")]
    [InlineData("/api/v1/me/connections?page=2147483647", "page")]
    public async Task List_BadQuery_BadRequestOnField(string path, string field)
    {
        var ada = await RegisterMemberAsync("Ada Bad Query");

        using var response = await ada.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"reach": "friendsOnly"}""", "reach")]
    [InlineData("""{"reach": 7}""", "reach")]
    [InlineData("""{"hideConnections": "yes"}""", "hideConnections")]
    public async Task SetPrivacy_BadValue_BadRequestOnFieldAndUnchanged(string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada Bad Privacy");

        using var response = await ada.Client.PutAsync(new Uri("/api/v1/me/privacy", UriKind.Relative), RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        var settings = await ada.GetJsonAsync("/api/v1/me/privacy", Cancellation);
        Assert.False(settings.GetProperty("hideConnections").GetBoolean());
        Assert.Equal("everyone", settings.GetProperty("reach").GetString());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/me/blocks/{self}", "handle")]
    [InlineData("PUT", "/api/v1/me/follows/{self}", "handleOrSlug")]
    [InlineData("DELETE", "/api/v1/me/suggestions/{self}", "handle")]
    public async Task Route_Oneself_BadRequestOnField(string method, string path, string field)
    {
        var ada = await RegisterMemberAsync("Ada Herself");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{self}", ada.Handle, StringComparison.Ordinal), UriKind.Relative));

        using var response = await ada.Client.SendAsync(request, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private Task<int> InvitationCountAsync() => App.InStoreAsync(db => db.Invitations.CountAsync(Cancellation));
}
