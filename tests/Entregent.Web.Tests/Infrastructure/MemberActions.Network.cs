using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with their network: invitations, connections, blocks, follows, privacy.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/invitations</c> as it is: the raw answer, for tests of refusals.</summary>
    public static Task<HttpResponseMessage> SendInvitationAsync(this Member from, string to, string? note = null, string? context = null,
        string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        return from.Client.PostAsJsonAsync(new Uri("/api/v1/invitations", UriKind.Relative), new { to, note, context, organization }, cancellationToken);
    }

    /// <summary>Invites <paramref name="to"/>; the invitation (id, from, to, note, context, organization, status…).</summary>
    public static async Task<JsonElement> InviteAsync(this Member from, Member to, string? note = null, string? context = null,
        string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        using var response = await from.SendInvitationAsync(to.Handle, note, context, organization, cancellationToken);
        await EnsureSuccessAsync(response, $"invite {to.Handle}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>POST /api/v1/invitations/{id}/accept</c>.</summary>
    public static async Task<JsonElement> AcceptAsync(this Member member, long invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/invitations/{invitationId}/accept", UriKind.Relative), null, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>POST /api/v1/invitations/{id}/ignore</c>.</summary>
    public static async Task<JsonElement> IgnoreAsync(this Member member, long invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/invitations/{invitationId}/ignore", UriKind.Relative), null, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>DELETE /api/v1/invitations/{id}</c>.</summary>
    public static async Task WithdrawAsync(this Member member, long invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.DeleteAsync(new Uri($"/api/v1/invitations/{invitationId}", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, $"withdraw invitation {invitationId}", cancellationToken);
    }

    /// <summary>Makes <paramref name="a"/> and <paramref name="b"/> 1st-degree connections: a invites, b accepts.</summary>
    public static async Task ConnectAsync(this EntregentFactory app, Member a, Member b, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(b);
        var invitation = await a.InviteAsync(b, cancellationToken: cancellationToken);
        await b.AcceptAsync(invitation.GetProperty("id").GetInt64(), cancellationToken);
    }

    /// <summary><c>PUT /api/v1/me/blocks/{handle}</c>.</summary>
    public static async Task BlockAsync(this Member member, Member other, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(other);
        using var response = await member.Client.PutAsync(new Uri($"/api/v1/me/blocks/{other.Handle}", UriKind.Relative), null, cancellationToken);
        await EnsureSuccessAsync(response, $"block {other.Handle}", cancellationToken);
    }

    /// <summary><c>DELETE /api/v1/me/blocks/{handle}</c>.</summary>
    public static async Task UnblockAsync(this Member member, Member other, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(other);
        using var response = await member.Client.DeleteAsync(new Uri($"/api/v1/me/blocks/{other.Handle}", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, $"unblock {other.Handle}", cancellationToken);
    }

    /// <summary><c>PUT /api/v1/me/privacy</c>; the settings (hideConnections, reach, optedOutOfDirectory).</summary>
    public static async Task<JsonElement> SetPrivacyAsync(this Member member, bool? hideConnections = null, string? reach = null,
        bool? optedOutOfDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PutAsJsonAsync(new Uri("/api/v1/me/privacy", UriKind.Relative), new { hideConnections, reach, optedOutOfDirectory }, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>PUT /api/v1/me/follows/{handleOrSlug}</c>; the follow (kind, key, name, since).</summary>
    public static async Task<JsonElement> FollowAsync(this Member member, string handleOrSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PutAsync(new Uri($"/api/v1/me/follows/{handleOrSlug}", UriKind.Relative), null, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>GET /api/v1/me/follows</c>: the keys (handles and slugs) the member follows, newest first.</summary>
    public static async Task<IReadOnlyList<string>> FollowsAsync(this Member member, CancellationToken cancellationToken = default)
    {
        var follows = await member.GetJsonAsync("/api/v1/me/follows", cancellationToken);
        return [.. follows.EnumerateArray().Select(f => f.GetProperty("key").GetString()!)];
    }

    /// <summary>GET <paramref name="path"/> as the member; the body, after checking it succeeded.</summary>
    public static async Task<JsonElement> GetJsonAsync(this Member member, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary>The handles in a list answer: a page (<c>items[].member.handle</c>) or an array of cards or suggestions.</summary>
    public static IReadOnlyList<string> Handles(this JsonElement list)
    {
        var items = list.ValueKind == JsonValueKind.Object ? list.GetProperty("items") : list;
        return [.. items.EnumerateArray().Select(i => (i.TryGetProperty("member", out var card) ? card : i).GetProperty("handle").GetString()!)];
    }

    /// <summary>Waits until the graph and search indexes have applied every change committed so far (the followers caught up).</summary>
    public static async Task WaitForNetworkAsync(this EntregentFactory app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var last = await app.Services.GetRequiredService<ChangeFeed>().LastSequenceAsync(cancellationToken);
        var network = app.Services.GetRequiredService<NetworkGraph>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var search = app.Services.GetRequiredService<Entregent.Web.Features.Search.SearchIndex>();
        while (network.AppliedSequence < last || search.AppliedSequence < last)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>
    /// Signs the members in again and puts the new access token on their clients: after moving <c>App.Time</c> past
    /// the access token's lifetime (an hour).
    /// </summary>
    public static async Task SignInAgainAsync(this EntregentFactory app, CancellationToken cancellationToken, params Member[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            var tokens = await app.SignInAsync(member.Email, member.Password, cancellationToken);
            member.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }
    }

    /// <summary>A fresh organisation name, so that tests sharing a store never share an organisation by accident.</summary>
    public static string UniqueName(string prefix) => prefix + " " + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];
}
