using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Posts;

/// <summary>
/// The visibility table: one post per audience, read by each kind of viewer on each surface. One world per store:
/// Ada writes every post; Carl is her connection, Sofia his (2nd degree to Ada), Xavier a stranger, Boris a member of
/// every group whom Ada blocked, Mia a member of every group, Nina a stranger verified at Ada's organisation but in no
/// group, Greta a manager of every group, Zoe banned from every group.
/// </summary>
public class PostVisibilityTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly ConditionalWeakTable<EntregentFactory, Lazy<Task<World>>> Worlds = [];

    // Surfaces, in order: GET the post, GET its comments, the author's activity list, the group's list, the hashtag's list.
    // Y: readable (200, or listed); N: hidden (404, or not listed); 4: the list itself answers 404; -: no such surface.
    public static TheoryData<string, string, string> Table => new()
    {
        { "public", "author", "YYY-Y" }, { "public", "connection", "YYY-Y" }, { "public", "secondDegree", "YYY-Y" },
        { "public", "stranger", "YYY-Y" }, { "public", "blocked", "NNN-N" }, { "public", "member", "YYY-Y" },
        { "public", "nonMember", "YYY-Y" }, { "public", "manager", "YYY-Y" }, { "public", "banned", "YYY-Y" },

        { "connections", "author", "YYY-Y" }, { "connections", "connection", "YYY-Y" }, { "connections", "secondDegree", "NNN-N" },
        { "connections", "stranger", "NNN-N" }, { "connections", "blocked", "NNN-N" }, { "connections", "member", "NNN-N" },
        { "connections", "nonMember", "NNN-N" }, { "connections", "manager", "NNN-N" }, { "connections", "banned", "NNN-N" },

        { "groupPublic", "author", "YYYYY" }, { "groupPublic", "connection", "YYYYY" }, { "groupPublic", "secondDegree", "YYYYY" },
        { "groupPublic", "stranger", "YYYYY" }, { "groupPublic", "blocked", "NNNNN" }, { "groupPublic", "member", "YYYYY" },
        { "groupPublic", "nonMember", "YYYYY" }, { "groupPublic", "manager", "YYYYY" }, { "groupPublic", "banned", "NNN4N" },

        { "groupPrivate", "author", "YYYYY" }, { "groupPrivate", "connection", "NNN4N" }, { "groupPrivate", "secondDegree", "NNN4N" },
        { "groupPrivate", "stranger", "NNN4N" }, { "groupPrivate", "blocked", "NNNNN" }, { "groupPrivate", "member", "YYYYY" },
        { "groupPrivate", "nonMember", "NNN4N" }, { "groupPrivate", "manager", "YYYYY" }, { "groupPrivate", "banned", "NNN4N" },

        { "groupUnlisted", "author", "YYYYY" }, { "groupUnlisted", "connection", "NNN4N" }, { "groupUnlisted", "secondDegree", "NNN4N" },
        { "groupUnlisted", "stranger", "NNN4N" }, { "groupUnlisted", "blocked", "NNNNN" }, { "groupUnlisted", "member", "YYYYY" },
        { "groupUnlisted", "nonMember", "NNN4N" }, { "groupUnlisted", "manager", "YYYYY" }, { "groupUnlisted", "banned", "NNN4N" },

        // Internal to Ada's organisation (a public group inside it): verified members read, others do not know it exists.
        { "groupInternal", "author", "YYYYY" }, { "groupInternal", "connection", "NNN4N" }, { "groupInternal", "secondDegree", "NNN4N" },
        { "groupInternal", "stranger", "NNN4N" }, { "groupInternal", "blocked", "NNNNN" }, { "groupInternal", "member", "YYYYY" },
        { "groupInternal", "nonMember", "YYYYY" }, { "groupInternal", "manager", "YYYYY" }, { "groupInternal", "banned", "NNN4N" },

        // Waiting for approval in a public group Greta owns: its author and the managers only, and in no published list.
        { "pending", "author", "YYYNN" }, { "pending", "connection", "NNNNN" }, { "pending", "secondDegree", "NNNNN" },
        { "pending", "stranger", "NNNNN" }, { "pending", "blocked", "NNNNN" }, { "pending", "member", "NNNNN" },
        { "pending", "nonMember", "NNNNN" }, { "pending", "manager", "YYYNN" }, { "pending", "banned", "NNN4N" },

        // Removed by Greta from Ada's public group: its author only.
        { "removed", "author", "YYYNN" }, { "removed", "connection", "NNNNN" }, { "removed", "secondDegree", "NNNNN" },
        { "removed", "stranger", "NNNNN" }, { "removed", "blocked", "NNNNN" }, { "removed", "member", "NNNNN" },
        { "removed", "nonMember", "NNNNN" }, { "removed", "manager", "NNNNN" }, { "removed", "banned", "NNN4N" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Surfaces_AudienceByRelation_ShowExactlyWhatMayBeRead(string audience, string relation, string expected)
    {
        var world = await Worlds.GetValue(App, app => new Lazy<Task<World>>(() => BuildAsync(app))).Value;
        var viewer = world.Viewers[relation];
        var (postId, groupSlug) = world.Posts[audience];
        var actual = new char[5];

        actual[0] = await StatusAsync(viewer, $"/api/v1/posts/{postId}");
        actual[1] = await StatusAsync(viewer, $"/api/v1/posts/{postId}/comments");
        actual[2] = await ListedAsync(viewer, $"/api/v1/members/{world.Author.Handle}/posts", postId);
        actual[3] = groupSlug is null ? '-' : await ListedAsync(viewer, $"/api/v1/groups/{groupSlug}/posts", postId);
        actual[4] = await ListedAsync(viewer, $"/api/v1/hashtags/{world.Tag}/posts", postId);

        Assert.True(expected == new string(actual), $"{audience} × {relation}: expected {expected}, got {new string(actual)}");
    }

    private static async Task<char> StatusAsync(Member viewer, string path)
    {
        using var response = await viewer.GetAsync(path, Cancellation);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => 'Y',
            HttpStatusCode.NotFound => 'N',
            _ => throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}"),
        };
    }

    /// <summary>Whether <paramref name="postId"/> is on the list (following every page), '4' when the list answers 404.</summary>
    private static async Task<char> ListedAsync(Member viewer, string path, long postId)
    {
        string? cursor = null;
        do
        {
            using var response = await viewer.GetAsync(cursor is null ? path : $"{path}?before={cursor}", Cancellation);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // A member hidden from the viewer has no activity list: the same as not listed.
                return path.StartsWith("/api/v1/members/", StringComparison.Ordinal) ? 'N' : '4';
            }
            var page = await response.ReadJsonAsync(Cancellation);
            if (page.GetProperty("posts").EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == postId))
            {
                return 'Y';
            }
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null);
        return 'N';
    }

    private sealed record World(Member Author, string Tag, IReadOnlyDictionary<string, Member> Viewers,
        IReadOnlyDictionary<string, (long Id, string? GroupSlug)> Posts);

    private static async Task<World> BuildAsync(EntregentFactory app)
    {
        var cancellation = CancellationToken.None;
        var ada = await app.RegisterMemberAsync("Ada Visible", cancellation);
        var carl = await app.RegisterMemberAsync("Carl Connection", cancellation);
        var sofia = await app.RegisterMemberAsync("Sofia Second", cancellation);
        var xavier = await app.RegisterMemberAsync("Xavier Stranger", cancellation);
        var boris = await app.RegisterMemberAsync("Boris Blocked", cancellation);
        var mia = await app.RegisterMemberAsync("Mia Member", cancellation);
        var nina = await app.RegisterMemberAsync("Nina Verified", cancellation);
        var greta = await app.RegisterMemberAsync("Greta Manager", cancellation);
        var zoe = await app.RegisterMemberAsync("Zoe Banned", cancellation);
        await app.ConnectAsync(ada, carl, cancellation);
        await app.ConnectAsync(carl, sofia, cancellation);
        await ada.BlockAsync(boris, cancellation);

        var organization = MemberActions.UniqueName("Visible Org");
        await ada.AddPositionAsync(organization, "Engineer", app.MonthsAgo(12), cancellationToken: cancellation);
        var organizationId = await app.InStoreAsync(db => db.Organizations.Where(o => o.Name == organization).Select(o => o.Id).SingleAsync(cancellation));
        foreach (var verified in new[] { ada, boris, mia, nina, greta, zoe })
        {
            await app.VerifyInStoreAsync(verified, organizationId, cancellation);
        }

        var everyone = new[] { mia, boris, greta, zoe };
        var publicGroup = await app.CreateGroupInStoreAsync(ada, GroupKind.Public, everyone, cancellationToken: cancellation);
        var privateGroup = await app.CreateGroupInStoreAsync(ada, GroupKind.Private, everyone, cancellationToken: cancellation);
        var unlistedGroup = await app.CreateGroupInStoreAsync(ada, GroupKind.Unlisted, everyone, cancellationToken: cancellation);
        var internalGroup = await app.CreateGroupInStoreAsync(ada, GroupKind.Public, everyone, organizationId: organizationId, isInternal: true,
            cancellationToken: cancellation);
        var approvalGroup = await app.CreateGroupInStoreAsync(greta, GroupKind.Public, [ada, mia, boris, zoe], postsNeedApproval: true,
            cancellationToken: cancellation);
        var gretaId = await app.MemberIdAsync(greta, cancellation);
        var zoeId = await app.MemberIdAsync(zoe, cancellation);
        await app.InStoreAsync(async db =>
        {
            await db.GroupMemberships.Where(m => m.MemberId == gretaId && m.Role == GroupRole.Member)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, GroupRole.Manager), cancellation);
            return await db.GroupMemberships.Where(m => m.MemberId == zoeId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, GroupMembershipState.Banned), cancellation);
        });

        var tag = "vis" + Guid.NewGuid().ToString("N")[..8];
        var body = $"Visible? #{tag}";
        var posts = new Dictionary<string, (long, string?)>
        {
            ["public"] = (await ada.PostAsync(body, "public", cancellationToken: cancellation), null),
            ["connections"] = (await ada.PostAsync(body, "connections", cancellationToken: cancellation), null),
            ["groupPublic"] = (await ada.PostAsync(body, groupSlug: publicGroup, cancellationToken: cancellation), publicGroup),
            ["groupPrivate"] = (await ada.PostAsync(body, groupSlug: privateGroup, cancellationToken: cancellation), privateGroup),
            ["groupUnlisted"] = (await ada.PostAsync(body, groupSlug: unlistedGroup, cancellationToken: cancellation), unlistedGroup),
            ["groupInternal"] = (await ada.PostAsync(body, groupSlug: internalGroup, cancellationToken: cancellation), internalGroup),
            ["pending"] = (await ada.PostAsync(body, groupSlug: approvalGroup, cancellationToken: cancellation), approvalGroup),
        };
        var removed = await ada.PostAsync(body, groupSlug: publicGroup, cancellationToken: cancellation);
        using (var removal = await greta.Client.PostAsJsonAsync(new Uri($"/api/v1/posts/{removed}/removal", UriKind.Relative),
            new { reason = "Off topic." }, cancellation))
        {
            await MemberActions.EnsureSuccessAsync(removal, "remove the post", cancellation);
        }
        posts["removed"] = (removed, publicGroup);

        return new World(ada, tag, new Dictionary<string, Member>
        {
            ["author"] = ada, ["connection"] = carl, ["secondDegree"] = sofia, ["stranger"] = xavier, ["blocked"] = boris,
            ["member"] = mia, ["nonMember"] = nina, ["manager"] = greta, ["banned"] = zoe,
        }, posts);
    }
}
