using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with skills and recommendations: list skills, endorse, write, ask for, approve, hide.</summary>
public static partial class MemberActions
{
    /// <summary><c>PUT /api/v1/me/skills</c>: replaces the member's skills.</summary>
    public static async Task SetSkillsAsync(this Member member, CancellationToken cancellationToken, params string[] skills)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PutAsJsonAsync(new Uri("/api/v1/me/skills", UriKind.Relative), new { skills }, cancellationToken);
        await EnsureSuccessAsync(response, "set skills", cancellationToken);
    }

    /// <summary><c>PUT /api/v1/members/{handle}/skills/{skill}/endorsement</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendEndorsementAsync(this Member member, string handle, string skill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PutAsync(EndorsementUri(handle, skill), null, cancellationToken);
    }

    /// <summary>Endorses <paramref name="other"/>'s <paramref name="skill"/>; the skill with its count.</summary>
    public static async Task<JsonElement> EndorseAsync(this Member member, Member other, string skill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(other);
        using var response = await member.SendEndorsementAsync(other.Handle, skill, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary><c>DELETE /api/v1/members/{handle}/skills/{skill}/endorsement</c> as it is.</summary>
    public static Task<HttpResponseMessage> RemoveEndorsementAsync(this Member member, string handle, string skill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.DeleteAsync(EndorsementUri(handle, skill), cancellationToken);
    }

    /// <summary><c>GET /api/v1/members/{handle}/skills</c> as the member: the skills with their counts.</summary>
    public static Task<JsonElement> SkillsOfAsync(this Member member, Member other, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(other);
        return member.GetJsonAsync($"/api/v1/members/{other.Handle}/skills", cancellationToken);
    }

    /// <summary><c>POST /api/v1/recommendations</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendRecommendationAsync(this Member author, string? forHandle, string? text, string? relationship = "workedWith",
        string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Client.PostAsJsonAsync(new Uri("/api/v1/recommendations", UriKind.Relative),
            new Dictionary<string, string?> { ["for"] = forHandle, ["relationship"] = relationship, ["organization"] = organization, ["text"] = text },
            cancellationToken);
    }

    /// <summary>Writes a recommendation for <paramref name="recipient"/>; the recommendation (id, status pending…).</summary>
    public static async Task<JsonElement> RecommendAsync(this Member author, Member recipient, string text = "A pleasure to work with.",
        string relationship = "workedWith", string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        using var response = await author.SendRecommendationAsync(recipient.Handle, text, relationship, organization, cancellationToken);
        await EnsureSuccessAsync(response, $"recommend {recipient.Handle}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>POST /api/v1/recommendations/requests</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendRecommendationRequestAsync(this Member recipient, string? from, string? relationship = "workedWith",
        string? message = null, string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient.Client.PostAsJsonAsync(new Uri("/api/v1/recommendations/requests", UriKind.Relative),
            new { from, relationship, message, organization }, cancellationToken);
    }

    /// <summary><c>POST /api/v1/recommendations/{id}/{verb}</c> (approve, hide, show, decline) as it is.</summary>
    public static Task<HttpResponseMessage> DecideRecommendationAsync(this Member member, long id, string verb, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsync(new Uri($"/api/v1/recommendations/{id}/{verb}", UriKind.Relative), null, cancellationToken);
    }

    /// <summary>Approves a recommendation received; the recommendation.</summary>
    public static async Task<JsonElement> ApproveRecommendationAsync(this Member recipient, long id, CancellationToken cancellationToken = default)
    {
        using var response = await recipient.DecideRecommendationAsync(id, "approve", cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary>Connects two members who say how they met (<paramref name="context"/>: colleague, event…): a invites, b accepts.</summary>
    public static async Task ConnectAsAsync(this EntregentFactory app, Member a, Member b, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(b);
        var invitation = await a.InviteAsync(b, context: context, cancellationToken: cancellationToken);
        await b.AcceptAsync(invitation.GetProperty("id").GetInt64(), cancellationToken);
    }

    /// <summary>The strength of the connection between two members in the live graph, once it caught up; null when not connected.</summary>
    public static async Task<float?> StrengthAsync(this EntregentFactory app, Member a, Member b, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.WaitForNetworkAsync(cancellationToken);
        var network = app.Services.GetRequiredService<NetworkGraph>();
        var first = await app.MemberIdAsync(a, cancellationToken);
        var second = await app.MemberIdAsync(b, cancellationToken);
        return network.TryGetDense(first, out var x) && network.TryGetDense(second, out var y) && network.Graph.TryGetConnection(x, y, out var connection)
            ? connection.Strength
            : null;
    }

    private static Uri EndorsementUri(string handle, string skill) =>
        new($"/api/v1/members/{handle}/skills/{Uri.EscapeDataString(skill)}/endorsement", UriKind.Relative);
}
