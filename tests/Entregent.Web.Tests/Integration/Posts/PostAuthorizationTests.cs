using System.Net.Http.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;
using Entregent.Web.Tests.Unit.Infrastructure.Imaging;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Entregent.Web.Tests.Integration.Posts;

/// <summary>
/// Every posts route, for each way a caller stands towards Ada's connections-only post: only its author changes it,
/// readers comment and react, anyone else gets 404 as if it did not exist, anonymous callers 401.
/// </summary>
public class PostAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    // Routes, in the order they run: GET post, GET comments, GET reactions, GET revisions, PUT post, PUT image, POST comment,
    // PUT reaction, DELETE reaction, PUT Ada's comment, PUT reaction on it, GET its reactions, DELETE it, POST approval,
    // POST removal, DELETE post, GET Ada's activity, PUT hashtag follow.
    public static TheoryData<string, int[]> Table => new()
    {
        { "author", [200, 200, 200, 200, 200, 200, 201, 204, 204, 200, 204, 200, 204, 403, 403, 204, 200, 200] },
        { "connection", [200, 200, 200, 200, 403, 403, 201, 204, 204, 403, 204, 200, 403, 403, 403, 403, 200, 200] },
        { "stranger", [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 200, 200] },
        { "blocked", [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 200] },
        { "anonymous", [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task PostRoutes_CallerRelation_ExpectedStatus(string relation, int[] statuses)
    {
        var ada = await RegisterMemberAsync("Ada Owner");
        var carl = await RegisterMemberAsync("Carl Reader");
        await ConnectAsync(ada, carl);
        var id = await ada.PostAsync("Connections only #guarded", "connections", cancellationToken: Cancellation);
        var comment = await ada.CommentAsync(id, "My own comment", cancellationToken: Cancellation);
        var client = relation switch
        {
            "author" => ada.Client,
            "connection" => carl.Client,
            "stranger" => (await RegisterMemberAsync("Sam Stranger")).Client,
            "blocked" => await BlockedAsync(ada),
            _ => AnonymousClient(),
        };
        Uri U(string path) => new(path, UriKind.Relative);
        var routes = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync(U($"/api/v1/posts/{id}"), Cancellation),
            () => client.GetAsync(U($"/api/v1/posts/{id}/comments"), Cancellation),
            () => client.GetAsync(U($"/api/v1/posts/{id}/reactions"), Cancellation),
            () => client.GetAsync(U($"/api/v1/posts/{id}/revisions"), Cancellation),
            () => client.PutAsJsonAsync(U($"/api/v1/posts/{id}"), new { body = "Edited", version = 0 }, Cancellation),
            () =>
            {
                var image = new ByteArrayContent(TestImages.Encode(64, 64, SKEncodedImageFormat.Png));
                image.Headers.ContentType = new("image/png");
                return client.PutAsync(U($"/api/v1/posts/{id}/image"), image, Cancellation);
            },
            () => client.PostAsJsonAsync(U($"/api/v1/posts/{id}/comments"), new { body = "Hello" }, Cancellation),
            () => client.PutAsJsonAsync(U($"/api/v1/posts/{id}/reaction"), new { kind = "like" }, Cancellation),
            () => client.DeleteAsync(U($"/api/v1/posts/{id}/reaction"), Cancellation),
            () => client.PutAsJsonAsync(U($"/api/v1/posts/{id}/comments/{comment}"), new { body = "Changed" }, Cancellation),
            () => client.PutAsJsonAsync(U($"/api/v1/posts/{id}/comments/{comment}/reaction"), new { kind = "curious" }, Cancellation),
            () => client.GetAsync(U($"/api/v1/posts/{id}/comments/{comment}/reactions"), Cancellation),
            () => client.DeleteAsync(U($"/api/v1/posts/{id}/comments/{comment}"), Cancellation),
            () => client.PostAsync(U($"/api/v1/posts/{id}/approval"), null, Cancellation),
            () => client.PostAsJsonAsync(U($"/api/v1/posts/{id}/removal"), new { reason = "Spam" }, Cancellation),
            () => client.DeleteAsync(U($"/api/v1/posts/{id}"), Cancellation),
            () => client.GetAsync(U($"/api/v1/members/{ada.Handle}/posts"), Cancellation),
            () => client.PutAsync(U("/api/v1/hashtags/guarded/follow"), null, Cancellation),
        };

        for (var index = 0; index < routes.Length; index++)
        {
            using var response = await routes[index]();
            Assert.True(statuses[index] == (int)response.StatusCode,
                $"{relation}, route {index}: expected {statuses[index]}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        }
    }

    // Group routes on a pending post in a private group: Greta manages it, Mia is a member, Sam is outside, Zoe banned.
    // Routes: GET pending-posts, GET group posts, GET the pending post, POST comment on it, POST approval, GET /me/hashtags.
    public static TheoryData<string, int[]> GroupTable => new()
    {
        { "manager", [200, 200, 200, 403, 200, 200] },
        { "author", [403, 200, 200, 403, 403, 200] },
        { "member", [403, 200, 404, 404, 404, 200] },
        { "outsider", [403, 404, 404, 404, 404, 200] },
        { "banned", [403, 404, 404, 404, 404, 200] },
        { "anonymous", [401, 401, 401, 401, 401, 401] },
    };

    [Theory]
    [MemberData(nameof(GroupTable))]
    public async Task GroupRoutes_CallerStanding_ExpectedStatus(string relation, int[] statuses)
    {
        var greta = await RegisterMemberAsync("Greta Moderator");
        var ada = await RegisterMemberAsync("Ada Waiting");
        var mia = await RegisterMemberAsync("Mia Fellow");
        var zoe = await RegisterMemberAsync("Zoe Barred");
        var slug = await App.CreateGroupInStoreAsync(greta, GroupKind.Private, [ada, mia, zoe], postsNeedApproval: true, cancellationToken: Cancellation);
        var zoeId = await App.MemberIdAsync(zoe, Cancellation);
        await App.InStoreAsync(db => db.GroupMemberships.Where(m => m.MemberId == zoeId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, GroupMembershipState.Banned), Cancellation));
        var id = await ada.PostAsync("Waiting for Greta", groupSlug: slug, cancellationToken: Cancellation);
        var client = relation switch
        {
            "manager" => greta.Client,
            "author" => ada.Client,
            "member" => mia.Client,
            "outsider" => (await RegisterMemberAsync("Sam Outside")).Client,
            "banned" => zoe.Client,
            _ => AnonymousClient(),
        };
        Uri U(string path) => new(path, UriKind.Relative);
        var routes = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync(U($"/api/v1/groups/{slug}/pending-posts"), Cancellation),
            () => client.GetAsync(U($"/api/v1/groups/{slug}/posts"), Cancellation),
            () => client.GetAsync(U($"/api/v1/posts/{id}"), Cancellation),
            () => client.PostAsJsonAsync(U($"/api/v1/posts/{id}/comments"), new { body = "Too early" }, Cancellation),
            () => client.PostAsync(U($"/api/v1/posts/{id}/approval"), null, Cancellation),
            () => client.GetAsync(U("/api/v1/me/hashtags"), Cancellation),
        };

        for (var index = 0; index < routes.Length; index++)
        {
            using var response = await routes[index]();
            Assert.True(statuses[index] == (int)response.StatusCode,
                $"{relation}, route {index}: expected {statuses[index]}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        }
    }

    private async Task<HttpClient> BlockedAsync(Member author)
    {
        var eve = await RegisterMemberAsync("Eve Blocked");
        await author.BlockAsync(eve, Cancellation);
        return eve.Client;
    }
}
