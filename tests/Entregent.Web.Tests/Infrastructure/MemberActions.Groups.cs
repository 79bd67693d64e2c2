using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Organizations;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with groups, through the API, and the organisation verification groups rely on.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/groups</c> with <paramref name="body"/> as it is: the raw answer.</summary>
    public static Task<HttpResponseMessage> SendCreateGroupAsync(this Member member, object body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri("/api/v1/groups", UriKind.Relative), body, cancellationToken);
    }

    /// <summary>Creates a group; its view (slug, name, kind, memberCount, myRole…). The name gets a unique suffix when <paramref name="unique"/>.</summary>
    public static async Task<JsonElement> CreateGroupAsync(this Member member, string name = "Graph people", string kind = "public",
        string? joinPolicy = null, string? organization = null, bool isInternal = false, bool postsNeedApproval = false, string? description = null,
        string? rules = null, bool unique = true, CancellationToken cancellationToken = default)
    {
        var fullName = unique ? $"{name} {Guid.NewGuid().ToString("N")[..8]}" : name;
        using var response = await member.SendCreateGroupAsync(
            new { name = fullName, kind, joinPolicy, organization, isInternal, postsNeedApproval, description, rules }, cancellationToken);
        await EnsureSuccessAsync(response, $"create group {fullName}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>The slug of a group answer.</summary>
    public static string Slug(this JsonElement group) => group.GetProperty("slug").GetString()!;

    /// <summary>Sends <paramref name="method"/> to a group route (relative to <c>/api/v1/groups/{slug}</c>) as it is.</summary>
    public static async Task<HttpResponseMessage> GroupRequestAsync(this Member member, string method, string slug, string path = "",
        object? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/api/v1/groups/{slug}{path}", UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return await member.Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Joins (or asks to join, or accepts an invitation); the membership (state, role, memberCount).</summary>
    public static Task<JsonElement> JoinGroupAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        member.GroupActionAsync("POST", slug, "/join", null, "join", cancellationToken);

    public static Task<JsonElement> LeaveGroupAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        member.GroupActionAsync("POST", slug, "/leave", null, "leave", cancellationToken);

    /// <summary>Invites <paramref name="invitee"/>; the invitee's membership.</summary>
    public static Task<JsonElement> InviteToGroupAsync(this Member member, string slug, Member invitee, CancellationToken cancellationToken = default) =>
        member.GroupActionAsync("POST", slug, "/invitations", new { handle = invitee.Handle }, $"invite {invitee.Handle}", cancellationToken);

    public static Task<JsonElement> AcceptGroupInvitationAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        member.GroupActionAsync("POST", slug, "/invitation/accept", null, "accept the invitation", cancellationToken);

    public static Task<JsonElement> ApproveJoinRequestAsync(this Member manager, string slug, Member member, CancellationToken cancellationToken = default) =>
        manager.GroupActionAsync("POST", slug, $"/requests/{member.Handle}/approve", null, $"approve {member.Handle}", cancellationToken);

    public static Task<JsonElement> SetGroupRoleAsync(this Member owner, string slug, Member member, string role, CancellationToken cancellationToken = default) =>
        owner.GroupActionAsync("PUT", slug, $"/members/{member.Handle}/role", new { role }, $"make {member.Handle} {role}", cancellationToken);

    public static Task<JsonElement> BanFromGroupAsync(this Member manager, string slug, Member member, CancellationToken cancellationToken = default) =>
        manager.GroupActionAsync("PUT", slug, $"/bans/{member.Handle}", null, $"ban {member.Handle}", cancellationToken);

    /// <summary>Makes <paramref name="member"/> a member of the group: <paramref name="owner"/> (a manager) invites, the member accepts.</summary>
    public static async Task AddToGroupAsync(this Member owner, string slug, Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await owner.InviteToGroupAsync(slug, member, cancellationToken);
        await member.AcceptGroupInvitationAsync(slug, cancellationToken);
    }

    /// <summary>The group as the member sees it (throws when refused).</summary>
    public static Task<JsonElement> GroupAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync($"/api/v1/groups/{slug}", cancellationToken);

    /// <summary>The handles of the group's members as <paramref name="member"/> sees them (first page).</summary>
    public static async Task<IReadOnlyList<string>> GroupMemberHandlesAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        (await member.GetJsonAsync($"/api/v1/groups/{slug}/members", cancellationToken)).Handles();

    /// <summary>The slugs the discover list shows <paramref name="member"/> for <paramref name="q"/>.</summary>
    public static async Task<IReadOnlyList<string>> DiscoverGroupsAsync(this Member member, string q, CancellationToken cancellationToken = default)
    {
        var page = await member.GetJsonAsync($"/api/v1/groups?q={Uri.EscapeDataString(q)}", cancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("slug").GetString()!)];
    }

    /// <summary>
    /// A new organisation, straight in the store (organisations are otherwise created by naming them in a profile); its id
    /// and slug. Named <paramref name="name"/>, or a unique name.
    /// </summary>
    public static async Task<(long Id, string Slug)> CreateOrganizationInStoreAsync(this EntregentFactory app, string? emailDomain = null,
        string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var key = "org-" + Guid.NewGuid().ToString("N")[..10];
        var now = app.Time.GetUtcNow();
        var id = await app.InStoreAsync(async db =>
        {
            var organization = new Organization
            {
                Name = name ?? "Org " + key[4..], Slug = key, MatchKey = "org " + key[4..], EmailDomain = emailDomain, CreatedAt = now, UpdatedAt = now,
            };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
            return organization.Id;
        });
        return (id, key);
    }

    private static async Task<JsonElement> GroupActionAsync(this Member member, string method, string slug, string path, object? body, string action,
        CancellationToken cancellationToken)
    {
        using var response = await member.GroupRequestAsync(method, slug, path, body, cancellationToken);
        await EnsureSuccessAsync(response, $"{action} in group {slug}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
