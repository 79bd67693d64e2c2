using System.Net;
using System.Text.Json;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Groups;

/// <summary>A group's life through the API: creation, the ways in and out, roles, removal, bans, and the member count.</summary>
public class GroupFlowTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Create_Public_CreatorIsOwnerAndSlugFromName()
    {
        var ada = await RegisterMemberAsync("Ada Groups");

        var group = await ada.CreateGroupAsync("Café Graphs", unique: false, description: "We talk **graphs**.", rules: "Be kind.",
            cancellationToken: Cancellation);

        Assert.StartsWith("cafe-graphs", group.Slug(), StringComparison.Ordinal);
        Assert.Equal("public", group.GetProperty("kind").GetString());
        Assert.Equal("open", group.GetProperty("joinPolicy").GetString());
        Assert.Equal("owner", group.GetProperty("myRole").GetString());
        Assert.Equal(1, group.GetProperty("memberCount").GetInt32());
        Assert.Contains("<strong>graphs</strong>", group.GetProperty("descriptionHtml").GetString(), StringComparison.Ordinal);
        Assert.True(group.GetProperty("canManage").GetBoolean());

        // The same name again takes the next free address.
        var second = await ada.CreateGroupAsync("Café Graphs", unique: false, cancellationToken: Cancellation);
        Assert.NotEqual(group.Slug(), second.Slug());
        Assert.StartsWith(group.Slug() + "-", second.Slug(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_PublicOpen_MemberAtOnceAndCounted()
    {
        var owner = await RegisterMemberAsync("Olga Owner");
        var bob = await RegisterMemberAsync("Bob Joiner");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();

        var joined = await bob.JoinGroupAsync(slug, Cancellation);

        Assert.Equal("member", joined.GetProperty("state").GetString());
        Assert.Equal("member", joined.GetProperty("role").GetString());
        Assert.Equal(2, joined.GetProperty("memberCount").GetInt32());
        Assert.Contains(bob.Handle, await owner.GroupMemberHandlesAsync(slug, Cancellation));
        var mine = await bob.GetJsonAsync("/api/v1/me/groups", Cancellation);
        Assert.Contains(slug, mine.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Request_PrivateGroup_ManagersToldApprovalLetsInAndTellsMember()
    {
        var owner = await RegisterMemberAsync("Olga Private");
        var manager = await RegisterMemberAsync("Manon Manager");
        var carl = await RegisterMemberAsync("Carl Asker");
        var slug = (await owner.CreateGroupAsync("Private circle", "private", cancellationToken: Cancellation)).Slug();
        await owner.AddToGroupAsync(slug, manager, Cancellation);
        await owner.SetGroupRoleAsync(slug, manager, "manager", Cancellation);

        var asked = await carl.JoinGroupAsync(slug, Cancellation);

        Assert.Equal("requested", asked.GetProperty("state").GetString());
        Assert.Equal(2, asked.GetProperty("memberCount").GetInt32());
        var mine = await carl.GetJsonAsync("/api/v1/me/groups", Cancellation);
        Assert.Contains(slug, mine.GetProperty("requests").EnumerateArray().Select(g => g.GetProperty("slug").GetString()));
        Assert.Equal([carl.Handle], (await manager.GetJsonAsync($"/api/v1/groups/{slug}/requests", Cancellation)).Handles());
        Assert.Equal(1, (await manager.GroupAsync(slug, Cancellation)).GetProperty("pendingRequestCount").GetInt32());
        var carlId = await App.MemberIdAsync(carl, Cancellation);
        foreach (var told in new[] { owner, manager })
        {
            var id = await App.MemberIdAsync(told, Cancellation);
            Assert.Equal(1, await App.InStoreAsync(db => db.Notifications.CountAsync(
                n => n.RecipientId == id && n.Kind == NotificationKind.GroupActivity && n.ActorId == carlId, Cancellation)));
        }
        // Members (not managers) do not see requests.
        using (var again = await carl.GroupRequestAsync("POST", slug, "/join", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "group");
        }

        var approved = await manager.ApproveJoinRequestAsync(slug, carl, Cancellation);

        Assert.Equal("member", approved.GetProperty("state").GetString());
        Assert.Equal(3, approved.GetProperty("memberCount").GetInt32());
        Assert.Equal(1, await App.InStoreAsync(db => db.Notifications.CountAsync(
            n => n.RecipientId == carlId && n.Kind == NotificationKind.GroupActivity && n.Url == $"/groups/{slug}", Cancellation)));
        using var twice = await owner.GroupRequestAsync("POST", slug, $"/requests/{carl.Handle}/approve", cancellationToken: Cancellation);
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "handle");
        Assert.Equal(3, (await carl.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Request_DeclinedOrWithdrawn_GoneAndMayAskAgain()
    {
        var owner = await RegisterMemberAsync("Olga Decline");
        var dan = await RegisterMemberAsync("Dan Declined");
        var slug = (await owner.CreateGroupAsync("Approval club", "public", joinPolicy: "approval", cancellationToken: Cancellation)).Slug();

        Assert.Equal("requested", (await dan.JoinGroupAsync(slug, Cancellation)).GetProperty("state").GetString());
        using (var declined = await owner.GroupRequestAsync("POST", slug, $"/requests/{dan.Handle}/decline", cancellationToken: Cancellation))
        {
            Assert.Equal(JsonValueKind.Null, (await declined.ReadJsonAsync(Cancellation)).GetProperty("state").ValueKind);
        }
        Assert.Equal("requested", (await dan.JoinGroupAsync(slug, Cancellation)).GetProperty("state").GetString());
        using (var withdrawn = await dan.GroupRequestAsync("DELETE", slug, "/join-request", cancellationToken: Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }
        Assert.Empty((await owner.GetJsonAsync($"/api/v1/groups/{slug}/requests", Cancellation)).Handles());
        using var none = await dan.GroupRequestAsync("DELETE", slug, "/join-request", cancellationToken: Cancellation);
        await AssertProblemAsync(none, HttpStatusCode.Conflict, "group");
    }

    [Fact]
    public async Task Invite_Unlisted_InviteeSeesItAcceptsAndIsMember()
    {
        var owner = await RegisterMemberAsync("Olga Unlisted");
        var eve = await RegisterMemberAsync("Eve Invitee");
        var group = await owner.CreateGroupAsync("Quiet room", "unlisted", cancellationToken: Cancellation);
        var slug = group.Slug();
        Assert.Equal("approval", group.GetProperty("joinPolicy").GetString());
        using (var hidden = await eve.GroupRequestAsync("GET", slug, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        }

        var invited = await owner.InviteToGroupAsync(slug, eve, Cancellation);

        Assert.Equal("invited", invited.GetProperty("state").GetString());
        Assert.Equal("invited", (await eve.GroupAsync(slug, Cancellation)).GetProperty("myState").GetString());
        var mine = await eve.GetJsonAsync("/api/v1/me/groups", Cancellation);
        var invitation = Assert.Single(mine.GetProperty("invitations").EnumerateArray());
        Assert.Equal(slug, invitation.GetProperty("group").GetProperty("slug").GetString());
        Assert.Equal(owner.Handle, invitation.GetProperty("invitedBy").GetProperty("handle").GetString());
        var eveId = await App.MemberIdAsync(eve, Cancellation);
        Assert.Equal(1, await App.InStoreAsync(db => db.Notifications.CountAsync(n => n.RecipientId == eveId && n.Kind == NotificationKind.GroupActivity, Cancellation)));
        using (var twice = await owner.GroupRequestAsync("POST", slug, "/invitations", new { handle = eve.Handle }, Cancellation))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict, "handle");
        }

        var accepted = await eve.AcceptGroupInvitationAsync(slug, Cancellation);

        Assert.Equal("member", accepted.GetProperty("state").GetString());
        Assert.Equal(2, accepted.GetProperty("memberCount").GetInt32());
        Assert.Empty(await eve.DiscoverGroupsAsync(group.GetProperty("name").GetString()!, Cancellation));
    }

    [Fact]
    public async Task Invite_DeclinedAndPlainMemberInvitationToPrivateGroup_BecomesRequest()
    {
        var owner = await RegisterMemberAsync("Olga Invites");
        var member = await RegisterMemberAsync("Mia Member");
        var fay = await RegisterMemberAsync("Fay Friend");
        var gus = await RegisterMemberAsync("Gus Guest");
        var slug = (await owner.CreateGroupAsync("Private invites", "private", cancellationToken: Cancellation)).Slug();
        await owner.AddToGroupAsync(slug, member, Cancellation);

        await member.InviteToGroupAsync(slug, fay, Cancellation);
        var accepted = await fay.AcceptGroupInvitationAsync(slug, Cancellation);
        Assert.Equal("requested", accepted.GetProperty("state").GetString());
        Assert.Equal([fay.Handle], (await owner.GetJsonAsync($"/api/v1/groups/{slug}/requests", Cancellation)).Handles());

        await owner.InviteToGroupAsync(slug, gus, Cancellation);
        using (var declined = await gus.GroupRequestAsync("POST", slug, "/invitation/decline", cancellationToken: Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }
        Assert.Empty((await gus.GetJsonAsync("/api/v1/me/groups", Cancellation)).GetProperty("invitations").EnumerateArray());
        using var noInvitation = await gus.GroupRequestAsync("POST", slug, "/invitation/accept", cancellationToken: Cancellation);
        await AssertProblemAsync(noInvitation, HttpStatusCode.Conflict, "group");
    }

    [Fact]
    public async Task Leave_MemberLeavesLastOwnerCannot()
    {
        var owner = await RegisterMemberAsync("Olga Last");
        var hal = await RegisterMemberAsync("Hal Leaver");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await hal.JoinGroupAsync(slug, Cancellation);

        var left = await hal.LeaveGroupAsync(slug, Cancellation);
        Assert.Equal(JsonValueKind.Null, left.GetProperty("state").ValueKind);
        Assert.Equal(1, left.GetProperty("memberCount").GetInt32());

        using var last = await owner.GroupRequestAsync("POST", slug, "/leave", cancellationToken: Cancellation);
        var problem = await AssertProblemAsync(last, HttpStatusCode.Conflict, "group");
        Assert.Contains("only owner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // With a second owner, the first may go.
        await hal.JoinGroupAsync(slug, Cancellation);
        await owner.SetGroupRoleAsync(slug, hal, "owner", Cancellation);
        await owner.LeaveGroupAsync(slug, Cancellation);
        var view = await hal.GroupAsync(slug, Cancellation);
        Assert.Equal(1, view.GetProperty("memberCount").GetInt32());
        Assert.Equal("owner", view.GetProperty("myRole").GetString());
    }

    [Fact]
    public async Task Roles_OwnerNamesManagersManagerCannotTouchOwnerNorSetRoles()
    {
        var owner = await RegisterMemberAsync("Olga Roles");
        var ivan = await RegisterMemberAsync("Ivan Manager");
        var jo = await RegisterMemberAsync("Jo Member");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await ivan.JoinGroupAsync(slug, Cancellation);
        await jo.JoinGroupAsync(slug, Cancellation);

        Assert.Equal("manager", (await owner.SetGroupRoleAsync(slug, ivan, "manager", Cancellation)).GetProperty("role").GetString());
        var members = await owner.GetJsonAsync($"/api/v1/groups/{slug}/members", Cancellation);
        Assert.Equal([owner.Handle, ivan.Handle, jo.Handle], members.Handles());
        Assert.Equal(["owner", "manager", "member"], members.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("role").GetString()));

        using (var byManager = await ivan.GroupRequestAsync("PUT", slug, $"/members/{jo.Handle}/role", new { role = "manager" }, Cancellation))
        {
            await AssertProblemAsync(byManager, HttpStatusCode.Forbidden);
        }
        using (var removeOwner = await ivan.GroupRequestAsync("DELETE", slug, $"/members/{owner.Handle}", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(removeOwner, HttpStatusCode.Forbidden);
        }
        using (var banOwner = await ivan.GroupRequestAsync("PUT", slug, $"/bans/{owner.Handle}", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(banOwner, HttpStatusCode.Forbidden);
        }
        using (var demoteSelf = await owner.GroupRequestAsync("PUT", slug, $"/members/{owner.Handle}/role", new { role = "member" }, Cancellation))
        {
            await AssertProblemAsync(demoteSelf, HttpStatusCode.Conflict, "role");
        }
        using var manages = await ivan.GroupRequestAsync("DELETE", slug, $"/members/{jo.Handle}", cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, manages.StatusCode);
        Assert.Equal(2, (await owner.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Remove_MemberOutMayComeBack()
    {
        var owner = await RegisterMemberAsync("Olga Remove");
        var kim = await RegisterMemberAsync("Kim Removed");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await kim.JoinGroupAsync(slug, Cancellation);

        using (var removed = await owner.GroupRequestAsync("DELETE", slug, $"/members/{kim.Handle}", cancellationToken: Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }
        Assert.DoesNotContain(kim.Handle, await owner.GroupMemberHandlesAsync(slug, Cancellation));
        Assert.Equal(1, (await owner.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
        using (var again = await owner.GroupRequestAsync("DELETE", slug, $"/members/{kim.Handle}", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "handle");
        }

        Assert.Equal("member", (await kim.JoinGroupAsync(slug, Cancellation)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Ban_KeepsOutOfJoinRequestAndInvitationUntilLifted()
    {
        var owner = await RegisterMemberAsync("Olga Ban");
        var lou = await RegisterMemberAsync("Lou Banned");
        var member = await RegisterMemberAsync("Max Member");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await lou.JoinGroupAsync(slug, Cancellation);
        await member.JoinGroupAsync(slug, Cancellation);

        var banned = await owner.BanFromGroupAsync(slug, lou, Cancellation);

        Assert.Equal("banned", banned.GetProperty("state").GetString());
        Assert.Equal(2, banned.GetProperty("memberCount").GetInt32());
        Assert.Equal([lou.Handle], (await owner.GetJsonAsync($"/api/v1/groups/{slug}/bans", Cancellation)).Handles());
        using (var join = await lou.GroupRequestAsync("POST", slug, "/join", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(join, HttpStatusCode.Forbidden);
        }
        using (var invite = await member.GroupRequestAsync("POST", slug, "/invitations", new { handle = lou.Handle }, Cancellation))
        {
            await AssertProblemAsync(invite, HttpStatusCode.Conflict, "handle");
        }
        using (var posts = await lou.GroupRequestAsync("GET", slug, "/members", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(posts, HttpStatusCode.Forbidden);
        }
        using (var twice = await owner.GroupRequestAsync("PUT", slug, $"/bans/{lou.Handle}", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict, "handle");
        }

        using (var lifted = await owner.GroupRequestAsync("DELETE", slug, $"/bans/{lou.Handle}", cancellationToken: Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        }
        Assert.Equal("member", (await lou.JoinGroupAsync(slug, Cancellation)).GetProperty("state").GetString());
        Assert.Equal(3, (await owner.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Ban_StrangerBeforeTheyAsk_CannotRequest()
    {
        var owner = await RegisterMemberAsync("Olga Preban");
        var troll = await RegisterMemberAsync("Tom Troll");
        var slug = (await owner.CreateGroupAsync("Guarded", "private", cancellationToken: Cancellation)).Slug();

        Assert.Equal("banned", (await owner.BanFromGroupAsync(slug, troll, Cancellation)).GetProperty("state").GetString());

        using var join = await troll.GroupRequestAsync("POST", slug, "/join", cancellationToken: Cancellation);
        await AssertProblemAsync(join, HttpStatusCode.Forbidden);
        Assert.Equal(1, (await owner.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Edit_OwnerChangesSettings_OthersRefused()
    {
        var owner = await RegisterMemberAsync("Olga Edit");
        var nia = await RegisterMemberAsync("Nia Member");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await nia.JoinGroupAsync(slug, Cancellation);

        using (var edited = await owner.GroupRequestAsync("PATCH", slug, body: new { name = "Renamed group", kind = "private", rules = "No spam." },
            cancellationToken: Cancellation))
        {
            var view = await edited.ReadJsonAsync(Cancellation);
            Assert.Equal("Renamed group", view.GetProperty("name").GetString());
            Assert.Equal("private", view.GetProperty("kind").GetString());
            Assert.Equal("approval", view.GetProperty("joinPolicy").GetString());
            Assert.Equal(slug, view.Slug());
            Assert.Contains("No spam.", view.GetProperty("rulesHtml").GetString(), StringComparison.Ordinal);
        }
        using (var byMember = await nia.GroupRequestAsync("PATCH", slug, body: new { name = "Hijacked" }, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(byMember, HttpStatusCode.Forbidden);
        }
        using (var deleteByMember = await nia.GroupRequestAsync("DELETE", slug, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(deleteByMember, HttpStatusCode.Forbidden);
        }
        Assert.Equal("Renamed group", (await nia.GroupAsync(slug, Cancellation)).GetProperty("name").GetString());

        using var deleted = await owner.GroupRequestAsync("DELETE", slug, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await nia.GroupRequestAsync("GET", slug, cancellationToken: Cancellation);
        await AssertProblemAsync(gone, HttpStatusCode.NotFound);
        Assert.Empty((await nia.GetJsonAsync("/api/v1/me/groups", Cancellation)).GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task ConcurrentJoins_MemberCountExact()
    {
        var owner = await RegisterMemberAsync("Olga Crowd");
        var slug = (await owner.CreateGroupAsync("Crowd", cancellationToken: Cancellation)).Slug();
        var joiners = new List<Member>();
        for (var i = 0; i < 8; i++)
        {
            joiners.Add(await RegisterMemberAsync($"Crowd {i}"));
        }

        // Each joins twice at once: one of the two must be refused, and every member counted once.
        var attempts = joiners.SelectMany(m => new[] { m, m }).Select(m => m.GroupRequestAsync("POST", slug, "/join", cancellationToken: Cancellation)).ToList();
        var responses = await Task.WhenAll(attempts);
        try
        {
            Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        var group = await owner.GroupAsync(slug, Cancellation);
        Assert.Equal(9, group.GetProperty("memberCount").GetInt32());
        Assert.Equal(9, (await owner.GetJsonAsync($"/api/v1/groups/{slug}/members", Cancellation)).GetProperty("total").GetInt32());

        // And leaving at once counts down exactly.
        var leaving = await Task.WhenAll(joiners.Select(m => m.GroupRequestAsync("POST", slug, "/leave", cancellationToken: Cancellation)));
        foreach (var response in leaving)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }
        Assert.Equal(1, (await owner.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task Members_BlockedEitherWay_NotListed()
    {
        var owner = await RegisterMemberAsync("Olga Blocks");
        var pat = await RegisterMemberAsync("Pat Blocker");
        var quinn = await RegisterMemberAsync("Quinn Blocked");
        var slug = (await owner.CreateGroupAsync(cancellationToken: Cancellation)).Slug();
        await pat.JoinGroupAsync(slug, Cancellation);
        await quinn.JoinGroupAsync(slug, Cancellation);

        await pat.BlockAsync(quinn, Cancellation);

        Assert.DoesNotContain(quinn.Handle, await pat.GroupMemberHandlesAsync(slug, Cancellation));
        Assert.DoesNotContain(pat.Handle, await quinn.GroupMemberHandlesAsync(slug, Cancellation));
        Assert.Contains(quinn.Handle, await owner.GroupMemberHandlesAsync(slug, Cancellation));
        // The block touches what each sees, not the rules: the group still counts both.
        Assert.Equal(3, (await pat.GroupAsync(slug, Cancellation)).GetProperty("memberCount").GetInt32());
        using var invite = await pat.GroupRequestAsync("POST", slug, "/invitations", new { handle = quinn.Handle }, Cancellation);
        await AssertProblemAsync(invite, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Discover_NameFilterAndPrivateListedUnlistedNot()
    {
        var owner = await RegisterMemberAsync("Olga Discover");
        var viewer = await RegisterMemberAsync("Rae Viewer");
        var tag = "zq" + Guid.NewGuid().ToString("N")[..6];
        var open = (await owner.CreateGroupAsync($"Open {tag}", unique: false, cancellationToken: Cancellation)).Slug();
        var closed = (await owner.CreateGroupAsync($"Closed {tag}", "private", unique: false, cancellationToken: Cancellation)).Slug();
        await owner.CreateGroupAsync($"Hidden {tag}", "unlisted", unique: false, cancellationToken: Cancellation);

        var found = await viewer.DiscoverGroupsAsync(tag.ToUpperInvariant(), Cancellation);

        Assert.Equal(new[] { closed, open }.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Equal([open], await viewer.DiscoverGroupsAsync($"open {tag}", Cancellation));
        Assert.Empty(await viewer.DiscoverGroupsAsync("%", Cancellation));
    }
}
