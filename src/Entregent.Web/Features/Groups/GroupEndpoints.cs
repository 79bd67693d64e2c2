using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Groups;

public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/groups").WithTags("Groups").RequireAuthorization();

        group.MapGet("/", async (string? q, int? page, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ListGroups.DiscoverAsync(db, user.RequiredMemberId(), q, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("Discover groups: public and private groups you may see, whose name contains q; most members first, 20 a page");
        group.MapPost("/", async (CreateGroup.Request request, EntregentDb db, MarkdownRenderer markdown, TimeProvider time, ClaimsPrincipal user,
            CancellationToken cancellationToken) =>
        {
            var outcome = await CreateGroup.ExecuteAsync(db, markdown, time, user.RequiredMemberId(), request, cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/groups/{outcome.Value!.Slug}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<GroupView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Create a group {name, description, rules, kind, joinPolicy, postsNeedApproval, organization, isInternal}: you are its owner");
        group.MapGet("/{slug}", async (string slug, EntregentDb db, MarkdownRenderer markdown, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewGroup.ExecuteAsync(db, markdown, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("A group as you may see it, with your standing and what you may do");
        group.MapPatch("/{slug}", async (string slug, EditGroup.Request request, EntregentDb db, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await EditGroup.ExecuteAsync(db, markdown, time, user.RequiredMemberId(), slug, request, cancellationToken)).ToOk())
            .WithSummary("Change a group's settings (owners); omitted fields stay, last save wins");
        group.MapDelete("/{slug}", async (string slug, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DeleteGroup.ExecuteAsync(db, user.RequiredMemberId(), slug, cancellationToken)).ToNoContent())
            .WithSummary("Delete a group with its posts (owners)");

        group.MapPost("/{slug}/join", async (string slug, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await JoinGroup.ExecuteAsync(db, time, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("Join (public open group), ask to join (approval), or accept the invitation waiting for you");
        group.MapPost("/{slug}/leave", async (string slug, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await LeaveGroup.ExecuteAsync(db, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("Leave a group (the last owner cannot)");
        group.MapDelete("/{slug}/join-request", async (string slug, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await LeaveGroup.CancelRequestAsync(db, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("Withdraw your request to join");
        group.MapPost("/{slug}/invitation/accept", async (string slug, EntregentDb db, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await RespondToGroupInvitation.AcceptAsync(db, time, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("Accept the invitation waiting for you (a plain member's invitation to a group on approval becomes a request)");
        group.MapPost("/{slug}/invitation/decline", async (string slug, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await RespondToGroupInvitation.DeclineAsync(db, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("Decline the invitation waiting for you");
        group.MapPost("/{slug}/invitations", async (string slug, InviteToGroup.Request request, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await InviteToGroup.ExecuteAsync(db, network, time, user.RequiredMemberId(), slug, request, cancellationToken)).ToOk())
            .WithSummary("Invite a member {handle}: any member of a public or private group, managers of an unlisted one");

        group.MapGet("/{slug}/members", async (string slug, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListMembers.MembersAsync(db, network, user.RequiredMemberId(), slug, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("The members with their roles, owners and managers first, 50 a page (for those who may read the posts)");
        group.MapPut("/{slug}/members/{handle}/role", async (string slug, string handle, ManageMembers.RoleRequest request, EntregentDb db,
                NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ManageMembers.SetRoleAsync(db, network, user.RequiredMemberId(), slug, handle, request, cancellationToken)).ToOk())
            .WithSummary("Give a member a role {role: member, manager or owner} (owners)");
        group.MapDelete("/{slug}/members/{handle}", async (string slug, string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ManageMembers.RemoveAsync(db, network, user.RequiredMemberId(), slug, handle, cancellationToken)).ToNoContent())
            .WithSummary("Remove a member (managers; owners only by owners)");

        group.MapGet("/{slug}/requests", async (string slug, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListMembers.ModerationAsync(db, network, user.RequiredMemberId(), slug, GroupMembershipState.Requested, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("Requests to join, oldest first (managers)");
        group.MapPost("/{slug}/requests/{handle}/approve", async (string slug, string handle, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideJoinRequest.ApproveAsync(db, network, time, user.RequiredMemberId(), slug, handle, cancellationToken)).ToOk())
            .WithSummary("Approve a request to join (managers): the member is in, and told");
        group.MapPost("/{slug}/requests/{handle}/decline", async (string slug, string handle, EntregentDb db, NetworkGraph network,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideJoinRequest.DeclineAsync(db, network, user.RequiredMemberId(), slug, handle, cancellationToken)).ToOk())
            .WithSummary("Decline a request to join (managers)");

        group.MapGet("/{slug}/bans", async (string slug, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListMembers.ModerationAsync(db, network, user.RequiredMemberId(), slug, GroupMembershipState.Banned, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("Banned members (managers)");
        group.MapPut("/{slug}/bans/{handle}", async (string slug, string handle, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ManageMembers.BanAsync(db, network, time, user.RequiredMemberId(), slug, handle, cancellationToken)).ToOk())
            .WithSummary("Ban a member (managers): out of the group, and unable to join, ask or be invited again");
        group.MapDelete("/{slug}/bans/{handle}", async (string slug, string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ManageMembers.UnbanAsync(db, network, user.RequiredMemberId(), slug, handle, cancellationToken)).ToNoContent())
            .WithSummary("Lift a ban (managers)");

        var me = app.MapGroup("/api/v1/me").WithTags("Groups").RequireAuthorization();
        me.MapGet("/groups", async (EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListGroups.MineAsync(db, network, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("My groups, and the invitations and requests that wait");
        return group;
    }
}
