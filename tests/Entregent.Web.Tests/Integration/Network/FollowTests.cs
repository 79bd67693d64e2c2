using System.Net;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>Following members and organisations: one way, no consent, idempotent.</summary>
public class FollowTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Follow_MemberAndOrganisation_ListedThenUnfollowed()
    {
        var ada = await RegisterMemberAsync("Ada Follower");
        var grace = await RegisterMemberAsync("Grace Followed");
        var position = await grace.AddPositionAsync(MemberActions.UniqueName("Followed Corp"), "Founder", App.MonthsAgo(10), cancellationToken: Cancellation);
        var slug = position.GetProperty("organization").GetProperty("slug").GetString()!;

        var member = await ada.FollowAsync(grace.Handle, Cancellation);
        App.Time.Advance(TimeSpan.FromMinutes(1));
        var organization = await ada.FollowAsync(slug, Cancellation);

        Assert.Equal("member", member.GetProperty("kind").GetString());
        Assert.Equal("organization", organization.GetProperty("kind").GetString());
        Assert.Equal([slug, grace.Handle], await ada.FollowsAsync(Cancellation));
        // Following needs no consent and is one way.
        Assert.Empty(await grace.FollowsAsync(Cancellation));
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        // Following twice is not an error and keeps one follow.
        await ada.FollowAsync(grace.Handle.ToUpperInvariant(), Cancellation);
        Assert.Equal(2, (await ada.FollowsAsync(Cancellation)).Count);

        foreach (var key in new[] { grace.Handle, slug })
        {
            using var unfollowed = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/follows/{key}", UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.NoContent, unfollowed.StatusCode);
            using var again = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/follows/{key}", UriKind.Relative), Cancellation);
            await AssertProblemAsync(again, HttpStatusCode.NotFound);
        }
        Assert.Empty(await ada.FollowsAsync(Cancellation));
    }

    [Fact]
    public async Task Follow_AtOnce_OneFollow()
    {
        var ada = await RegisterMemberAsync("Ada Eager");
        var grace = await RegisterMemberAsync("Grace Eagerly Followed");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            ada.Client.PutAsync(new Uri($"/api/v1/me/follows/{grace.Handle}", UriKind.Relative), null, Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
        Assert.Equal([grace.Handle], await ada.FollowsAsync(Cancellation));
    }
}
