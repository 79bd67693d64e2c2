using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member looks up about an organisation.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/organizations/{slug}/people-you-know</c> (slug, name, currentCount, current[], formerCount, former[]).</summary>
    public static Task<JsonElement> PeopleYouKnowAsync(this Member member, string slug, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync($"/api/v1/organizations/{slug}/people-you-know", cancellationToken);

    /// <summary>The handles of one list of a people-you-know answer, in order.</summary>
    public static IReadOnlyList<string> People(this JsonElement answer, string list) =>
        [.. answer.GetProperty(list).EnumerateArray().Select(p => p.GetProperty("member").GetProperty("handle").GetString()!)];

    /// <summary>The handles of the intermediaries for one person of a people-you-know list, in order.</summary>
    public static IReadOnlyList<string> Through(this JsonElement answer, string list, Member person) =>
        [.. answer.GetProperty(list).EnumerateArray().Single(p => p.GetProperty("member").GetProperty("handle").GetString() == person.Handle)
            .GetProperty("intermediaries").EnumerateArray().Select(i => i.GetProperty("member").GetProperty("handle").GetString()!)];
}
