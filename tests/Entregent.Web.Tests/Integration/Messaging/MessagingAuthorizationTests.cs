using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>Every conversation route as a participant, a member outside the conversation (404, as if absent) and anonymously (401); a refused write changes nothing.</summary>
public class MessagingAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly (string Method, string Path, int Participant)[] Routes =
    [
        ("GET", "/api/v1/conversations/{id}", 200),
        ("POST", "/api/v1/conversations/{id}/messages", 201),
        ("POST", "/api/v1/conversations/{id}/read", 204),
        ("POST", "/api/v1/conversations/{id}/accept", 204),
        ("POST", "/api/v1/conversations/{id}/archive", 204),
        ("POST", "/api/v1/conversations/{id}/unarchive", 204),
        ("POST", "/api/v1/conversations/{id}/leave", 204),
        ("POST", "/api/v1/conversations/{id}/decline", 409),
    ];

    private static readonly string[] AnyHandle = ["x"];

    public static TheoryData<string, string, string> Table
    {
        get
        {
            var table = new TheoryData<string, string, string>();
            foreach (var (method, path, _) in Routes)
            {
                foreach (var viewer in new[] { "participant", "outsider", "anonymous" })
                {
                    table.Add(method, path, viewer);
                }
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_Viewer_ExpectedStatus_NothingChangedWhenRefused(string method, string path, string viewer)
    {
        var ann = await RegisterMemberAsync("Ann Owner");
        var bob = await RegisterMemberAsync("Bob Guest");
        var cat = await RegisterMemberAsync("Cat Guest");
        var eve = await RegisterMemberAsync("Eve Outsider");
        await ConnectAsync(ann, bob);
        await ConnectAsync(ann, cat);
        await ConnectAsync(eve, bob);
        var id = await ann.WriteToAsync([bob, cat], "Private plans", "Secret", Cancellation);
        var countBefore = await MessageCountAsync(id);
        using var anonymous = AnonymousClient();
        var client = viewer switch { "participant" => bob.Client, "outsider" => eve.Client, _ => anonymous };
        var uri = new Uri(path.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);

        using var response = method == "GET"
            ? await client.GetAsync(uri, Cancellation)
            : await client.PostAsJsonAsync(uri, new { body = "Let me in" }, Cancellation);

        var expected = viewer switch { "participant" => Routes.Single(r => r.Path == path).Participant, "outsider" => 404, _ => 401 };
        Assert.Equal(expected, (int)response.StatusCode);
        if (viewer != "participant")
        {
            Assert.Equal(countBefore, await MessageCountAsync(id));
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.DoesNotContain("Private plans", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", body, StringComparison.Ordinal);
            Assert.Contains(id, await bob.ConversationIdsAsync("inbox", Cancellation));
            Assert.Empty(await eve.ConversationsAsync("inbox", Cancellation));
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/conversations")]
    [InlineData("GET", "/api/v1/me/unread")]
    [InlineData("POST", "/api/v1/conversations")]
    [InlineData("GET", "/hubs/messaging/negotiate")]
    [InlineData("POST", "/hubs/messaging/negotiate?negotiateVersion=1")]
    public async Task Anonymous_Unauthorized(string method, string path)
    {
        using var anonymous = AnonymousClient();
        using var response = method == "GET"
            ? await anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancellation)
            : await anonymous.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { handles = AnyHandle, body = "x" }, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_NotFound()
    {
        var ann = await RegisterMemberAsync("Ann Lost");
        using var response = await ann.Client.GetAsync(new Uri("/api/v1/conversations/99999999", UriKind.Relative), Cancellation);
        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        using var send = await ann.SendMessageAsync(99_999_999, "Hello?", Cancellation);
        await Problems.AssertProblemAsync(send, HttpStatusCode.NotFound);
    }

    private Task<int> MessageCountAsync(long id) => App.InStoreAsync(db => db.Messages.CountAsync(m => m.ConversationId == id, Cancellation));
}
