using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Profiles;

/// <summary>Which contact details <c>GET /api/v1/members/{handle}</c> shows, for each audience and each viewer.</summary>
public class ContactAudienceTests(EntregentFactory app) : IntegrationTest(app)
{
    public enum Viewer
    {
        Anonymous,
        Member,
        Connection,
        Self,
    }

    [Theory]
    [InlineData("public", Viewer.Anonymous, true)]
    [InlineData("public", Viewer.Member, true)]
    [InlineData("public", Viewer.Connection, true)]
    [InlineData("public", Viewer.Self, true)]
    [InlineData("members", Viewer.Anonymous, false)]
    [InlineData("members", Viewer.Member, true)]
    [InlineData("members", Viewer.Connection, true)]
    [InlineData("members", Viewer.Self, true)]
    [InlineData("connections", Viewer.Anonymous, false)]
    [InlineData("connections", Viewer.Member, false)]
    [InlineData("connections", Viewer.Connection, true)]
    [InlineData("connections", Viewer.Self, true)]
    [InlineData("onlyMe", Viewer.Anonymous, false)]
    [InlineData("onlyMe", Viewer.Member, false)]
    [InlineData("onlyMe", Viewer.Connection, false)]
    [InlineData("onlyMe", Viewer.Self, true)]
    public async Task GetMember_AudienceAndViewer_ContactShownOnlyToTheAudience(string audience, Viewer viewer, bool shown)
    {
        var owner = await RegisterMemberAsync("Owen Owner");
        await owner.EditProfileAsync(new
        {
            contactEmail = "owen@example.org",
            contactEmailAudience = audience,
            phone = "+33 6 12 34 56 78",
            phoneAudience = audience,
            website = "https://owen.example.org",
            websiteAudience = audience,
        }, Cancellation);

        var contact = await ContactSeenByAsync(owner, viewer);

        Assert.Equal(shown ? "owen@example.org" : null, Text(contact, "email"));
        Assert.Equal(shown ? "+33 6 12 34 56 78" : null, Text(contact, "phone"));
        Assert.Equal(shown ? "https://owen.example.org" : null, Text(contact, "website"));
    }

    [Fact]
    public async Task GetMember_MixedAudiences_EachFieldByItsOwn()
    {
        var owner = await RegisterMemberAsync("Mia Mixed");
        await owner.EditProfileAsync(new
        {
            contactEmail = "mia@example.org",
            contactEmailAudience = "members",
            phone = "+44 20 7946 0000",
            phoneAudience = "onlyMe",
            website = "mia.example.org",
            websiteAudience = "public",
        }, Cancellation);

        var byMember = await ContactSeenByAsync(owner, Viewer.Member);
        var byAnonymous = await ContactSeenByAsync(owner, Viewer.Anonymous);

        Assert.Equal("mia@example.org", Text(byMember, "email"));
        Assert.Null(Text(byMember, "phone"));
        Assert.Equal("https://mia.example.org", Text(byMember, "website"));
        Assert.Null(Text(byAnonymous, "email"));
        Assert.Null(Text(byAnonymous, "phone"));
        Assert.Equal("https://mia.example.org", Text(byAnonymous, "website"));
    }

    private async Task<JsonElement> ContactSeenByAsync(Member owner, Viewer viewer)
    {
        var uri = new Uri($"/api/v1/members/{owner.Handle}", UriKind.Relative);
        HttpClient client;
        HttpClient? own = null;
        switch (viewer)
        {
            case Viewer.Anonymous:
                client = own = AnonymousClient();
                break;
            case Viewer.Member:
                client = (await RegisterMemberAsync("Mo Member")).Client;
                break;
            case Viewer.Connection:
                var friend = await RegisterMemberAsync("Connie Connection");
                await App.ConnectAsync(owner, friend, Cancellation);
                client = friend.Client;
                break;
            default:
                client = owner.Client;
                break;
        }

        try
        {
            using var response = await client.GetAsync(uri, Cancellation);
            var body = await response.ReadJsonAsync(Cancellation);
            Assert.Equal(viewer.ToString(), body.GetProperty("relation").GetString(), ignoreCase: true);
            return body.GetProperty("contact");
        }
        finally
        {
            own?.Dispose();
        }
    }

    private static string? Text(JsonElement contact, string field) => contact.GetProperty(field).GetString();
}
