using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Groups;

/// <summary>
/// Every group route, for each way a caller can stand towards a private group whose owner has one other member: the status,
/// and that a refused call changed nothing. "strangerUnlisted" meets an unlisted group instead, which answers as if absent.
/// </summary>
public class GroupAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/api/v1/groups/{slug}"),
        ("PATCH", "/api/v1/groups/{slug}"),
        ("DELETE", "/api/v1/groups/{slug}"),
        ("POST", "/api/v1/groups/{slug}/join"),
        ("POST", "/api/v1/groups/{slug}/leave"),
        ("DELETE", "/api/v1/groups/{slug}/join-request"),
        ("POST", "/api/v1/groups/{slug}/invitation/accept"),
        ("POST", "/api/v1/groups/{slug}/invitation/decline"),
        ("POST", "/api/v1/groups/{slug}/invitations"),
        ("GET", "/api/v1/groups/{slug}/members"),
        ("PUT", "/api/v1/groups/{slug}/members/{target}/role"),
        ("DELETE", "/api/v1/groups/{slug}/members/{target}"),
        ("GET", "/api/v1/groups/{slug}/requests"),
        ("POST", "/api/v1/groups/{slug}/requests/{target}/approve"),
        ("POST", "/api/v1/groups/{slug}/requests/{target}/decline"),
        ("GET", "/api/v1/groups/{slug}/bans"),
        ("PUT", "/api/v1/groups/{slug}/bans/{target}"),
        ("DELETE", "/api/v1/groups/{slug}/bans/{target}"),
        ("GET", "/api/v1/groups"),
        ("POST", "/api/v1/groups"),
        ("GET", "/api/v1/me/groups"),
    ];

    // Status per route, in the order above.
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["anonymous"] = [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
        ["strangerUnlisted"] = [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 200, 201, 200],
        ["stranger"] = [200, 403, 403, 200, 409, 409, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 201, 200],
        ["member"] = [200, 403, 403, 409, 200, 409, 409, 409, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 201, 200],
        ["manager"] = [200, 403, 403, 409, 200, 409, 409, 409, 200, 200, 403, 204, 200, 409, 409, 200, 200, 409, 200, 201, 200],
    };

    public static TheoryData<string, string, string, int> Table
    {
        get
        {
            var table = new TheoryData<string, string, string, int>();
            foreach (var (relation, statuses) in Expected)
            {
                for (var i = 0; i < Routes.Length; i++)
                {
                    table.Add(Routes[i].Method, Routes[i].Path, relation, statuses[i]);
                }
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_CallerRelation_ExpectedStatusAndNothingChangedWhenRefused(string method, string path, string relation, int status)
    {
        var owner = await RegisterMemberAsync("Olga Guard");
        var target = await RegisterMemberAsync("Tess Target");
        var caller = await RegisterMemberAsync("Carl Caller");
        var newcomer = await RegisterMemberAsync("Nina Newcomer");
        var slug = (await owner.CreateGroupAsync("Guarded", relation == "strangerUnlisted" ? "unlisted" : "private", cancellationToken: Cancellation)).Slug();
        await owner.AddToGroupAsync(slug, target, Cancellation);
        if (relation is "member" or "manager")
        {
            await owner.AddToGroupAsync(slug, caller, Cancellation);
        }
        if (relation == "manager")
        {
            await owner.SetGroupRoleAsync(slug, caller, "manager", Cancellation);
        }
        var before = await SnapshotAsync(slug);
        using var client = relation == "anonymous" ? AnonymousClient() : null;

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{slug}", slug, StringComparison.Ordinal)
            .Replace("{target}", target.Handle, StringComparison.Ordinal), UriKind.Relative))
        {
            Content = Body(method, path, newcomer),
        };
        using var response = await (client ?? caller.Client).SendAsync(request, Cancellation);

        Assert.True(status == (int)response.StatusCode,
            $"{method} {path} as {relation}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal(before, await SnapshotAsync(slug));
        }
    }

    private static JsonContent? Body(string method, string path, Member newcomer) => (method, path) switch
    {
        ("PATCH", _) => JsonContent.Create(new { name = "Taken over" }),
        ("POST", "/api/v1/groups") => JsonContent.Create(new { name = "Another group " + Guid.NewGuid().ToString("N")[..6] }),
        (_, "/api/v1/groups/{slug}/invitations") => JsonContent.Create(new { handle = newcomer.Handle }),
        (_, "/api/v1/groups/{slug}/members/{target}/role") => JsonContent.Create(new { role = "owner" }),
        _ => null,
    };

    /// <summary>The group's settings and every membership, as text.</summary>
    private Task<string> SnapshotAsync(string slug) => App.InStoreAsync(async db =>
    {
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Slug == slug, Cancellation);
        var memberships = await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == group.Id).OrderBy(m => m.MemberId)
            .Select(m => new { m.MemberId, m.State, m.Role }).ToListAsync(Cancellation);
        return string.Create(CultureInfo.InvariantCulture, $"{group.Name}|{group.Kind}|{group.JoinPolicy}|{group.MemberCount}|")
            + string.Join(';', memberships.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.MemberId}:{m.State}:{m.Role}")));
    });
}
