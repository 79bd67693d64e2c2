using System.Globalization;
using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Groups;

/// <summary>
/// The visibility table: group kind × internal × the viewer's relation to the group → what each surface answers. Every
/// group belongs to an organisation (internal or not). Relations: a stranger (not verified there, not in the group); one who
/// asked to join, was invited, is a member, manager, owner or banned (all verified at the organisation); a verified member of
/// the organisation outside the group; a member of the group whose verification was revoked. Surfaces: the group's page,
/// the discover list, the member list, and a join attempt (made last: it changes things).
/// </summary>
public class GroupVisibilityTests(EntregentFactory app) : IntegrationTest(app)
{
    // kind     internal relation          page discover members join
    private static readonly string[] Expected =
    [
        "public   no  stranger           200  yes      200     member",
        "public   no  requested          200  yes      200     409",
        "public   no  invited            200  yes      200     member",
        "public   no  member             200  yes      200     409",
        "public   no  manager            200  yes      200     409",
        "public   no  owner              200  yes      200     409",
        "public   no  banned             200  yes      403     403",
        "public   no  verifiedNonMember  200  yes      200     member",
        "public   no  unverified         200  yes      200     409",
        "private  no  stranger           200  yes      403     requested",
        "private  no  requested          200  yes      403     409",
        "private  no  invited            200  yes      403     member",
        "private  no  member             200  yes      200     409",
        "private  no  manager            200  yes      200     409",
        "private  no  owner              200  yes      200     409",
        "private  no  banned             200  yes      403     403",
        "private  no  verifiedNonMember  200  yes      403     requested",
        "private  no  unverified         200  yes      200     409",
        "unlisted no  stranger           404  no       404     404",
        "unlisted no  requested          404  no       404     404",
        "unlisted no  invited            200  no       403     member",
        "unlisted no  member             200  no       200     409",
        "unlisted no  manager            200  no       200     409",
        "unlisted no  owner              200  no       200     409",
        "unlisted no  banned             404  no       404     404",
        "unlisted no  verifiedNonMember  404  no       404     404",
        "unlisted no  unverified         200  no       200     409",
        "public   yes stranger           404  no       404     404",
        "public   yes requested          200  yes      200     409",
        "public   yes invited            200  yes      200     member",
        "public   yes member             200  yes      200     409",
        "public   yes manager            200  yes      200     409",
        "public   yes owner              200  yes      200     409",
        "public   yes banned             200  yes      403     403",
        "public   yes verifiedNonMember  200  yes      200     member",
        "public   yes unverified         404  no       404     404",
        "private  yes stranger           404  no       404     404",
        "private  yes requested          200  yes      403     409",
        "private  yes invited            200  yes      403     member",
        "private  yes member             200  yes      200     409",
        "private  yes manager            200  yes      200     409",
        "private  yes owner              200  yes      200     409",
        "private  yes banned             200  yes      403     403",
        "private  yes verifiedNonMember  200  yes      403     requested",
        "private  yes unverified         404  no       404     404",
        "unlisted yes stranger           404  no       404     404",
        "unlisted yes requested          404  no       404     404",
        "unlisted yes invited            200  no       403     member",
        "unlisted yes member             200  no       200     409",
        "unlisted yes manager            200  no       200     409",
        "unlisted yes owner              200  no       200     409",
        "unlisted yes banned             404  no       404     404",
        "unlisted yes verifiedNonMember  404  no       404     404",
        "unlisted yes unverified         404  no       404     404",
    ];

    public static TheoryData<string, bool, string, int, bool, int, string> Table
    {
        get
        {
            var table = new TheoryData<string, bool, string, int, bool, int, string>();
            foreach (var row in Expected)
            {
                var c = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                table.Add(c[0], c[1] == "yes", c[2], int.Parse(c[3], CultureInfo.InvariantCulture), c[4] == "yes",
                    int.Parse(c[5], CultureInfo.InvariantCulture), c[6]);
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Surface_KindInternalRelation_AsTheTableSays(string kind, bool isInternal, string relation, int page, bool discovered, int members,
        string join)
    {
        var (viewer, slug, name) = await SetUpAsync(kind, isInternal, relation);

        using (var response = await viewer.GroupRequestAsync("GET", slug, cancellationToken: Cancellation))
        {
            Assert.Equal((HttpStatusCode)page, response.StatusCode);
        }
        Assert.Equal(discovered, (await viewer.DiscoverGroupsAsync(name, Cancellation)).Contains(slug));
        using (var response = await viewer.GroupRequestAsync("GET", slug, "/members", cancellationToken: Cancellation))
        {
            Assert.Equal((HttpStatusCode)members, response.StatusCode);
        }
        using (var response = await viewer.GroupRequestAsync("POST", slug, "/join", cancellationToken: Cancellation))
        {
            var outcome = response.IsSuccessStatusCode
                ? (await response.ReadJsonAsync(Cancellation)).GetProperty("state").GetString()
                : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(join, outcome);
        }
    }

    private async Task<(Member Viewer, string Slug, string Name)> SetUpAsync(string kind, bool isInternal, string relation)
    {
        var organization = await App.CreateOrganizationInStoreAsync(cancellationToken: Cancellation);
        var owner = await RegisterMemberAsync("Olga Table");
        await App.VerifyInStoreAsync(owner, organization.Id, Cancellation);
        // A request made to a private group stays a request when the owner later opens it or hides it.
        var group = await owner.CreateGroupAsync("Table", relation == "requested" ? "private" : kind, organization: organization.Slug,
            isInternal: isInternal, cancellationToken: Cancellation);
        var slug = group.Slug();
        var name = group.GetProperty("name").GetString()!;
        if (relation == "owner")
        {
            return (owner, slug, name);
        }
        var viewer = await RegisterMemberAsync("Vic Viewer");
        if (relation != "stranger")
        {
            await App.VerifyInStoreAsync(viewer, organization.Id, Cancellation);
        }
        switch (relation)
        {
            case "requested":
                Assert.Equal("requested", (await viewer.JoinGroupAsync(slug, Cancellation)).GetProperty("state").GetString());
                if (kind != "private")
                {
                    using var edited = await owner.GroupRequestAsync("PATCH", slug, body: new { kind, joinPolicy = kind == "public" ? "open" : null },
                        cancellationToken: Cancellation);
                    await MemberActions.EnsureSuccessAsync(edited, "change the kind", Cancellation);
                }
                break;
            case "invited":
                await owner.InviteToGroupAsync(slug, viewer, Cancellation);
                break;
            case "member":
                await owner.AddToGroupAsync(slug, viewer, Cancellation);
                break;
            case "manager":
                await owner.AddToGroupAsync(slug, viewer, Cancellation);
                await owner.SetGroupRoleAsync(slug, viewer, "manager", Cancellation);
                break;
            case "banned":
                await owner.AddToGroupAsync(slug, viewer, Cancellation);
                await owner.BanFromGroupAsync(slug, viewer, Cancellation);
                break;
            case "unverified":
                await owner.AddToGroupAsync(slug, viewer, Cancellation);
                var viewerId = await App.MemberIdAsync(viewer, Cancellation);
                await App.InStoreAsync(db => db.OrganizationVerifications.Where(v => v.MemberId == viewerId).ExecuteDeleteAsync(Cancellation));
                break;
        }
        return (viewer, slug, name);
    }
}
