using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Introductions;

/// <summary>Refusals: who may be asked about whom, what a message may hold, unknown ids, duplicates and races.</summary>
public class IntroductionBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    private sealed record World(Member Ada, Member Bob, Member Cyd, Member Eve, Member Stranger);

    /// <summary>Ada — Bob — Cyd, and Ada — Eve (who knows nobody else); a stranger knows nobody.</summary>
    private async Task<World> WorldAsync()
    {
        var world = new World(await RegisterMemberAsync("Ada Bad"), await RegisterMemberAsync("Bob Bad"), await RegisterMemberAsync("Cyd Bad"),
            await RegisterMemberAsync("Eve Bad"), await RegisterMemberAsync("Stranger Bad"));
        await ConnectAsync(world.Ada, world.Bob);
        await ConnectAsync(world.Bob, world.Cyd);
        await ConnectAsync(world.Ada, world.Eve);
        return world;
    }

    [Theory]
    [InlineData("self", "bob", "Hello", HttpStatusCode.BadRequest, "to")]
    [InlineData("bob", "bob", "Hello", HttpStatusCode.BadRequest, "to")]
    [InlineData("stranger", "bob", "Hello", HttpStatusCode.BadRequest, "to")]
    [InlineData("", "bob", "Hello", HttpStatusCode.BadRequest, "to")]
    [InlineData("nobody-has-this-handle", "bob", "Hello", HttpStatusCode.NotFound, null)]
    [InlineData("cyd", "stranger", "Hello", HttpStatusCode.BadRequest, "through")]
    [InlineData("cyd", "cyd", "Hello", HttpStatusCode.BadRequest, "through")]
    [InlineData("cyd", "eve", "Hello", HttpStatusCode.BadRequest, "through")]
    [InlineData("cyd", "nobody-has-this-handle", "Hello", HttpStatusCode.BadRequest, "through")]
    [InlineData("cyd", "bob", "", HttpStatusCode.BadRequest, "message")]
    [InlineData("cyd", "bob", "   ", HttpStatusCode.BadRequest, "message")]
    [InlineData("cyd", "bob", "10kB", HttpStatusCode.BadRequest, "message")]
    [InlineData("cyd", "bob", "Hi <script>alert(1)</script>", HttpStatusCode.BadRequest, "message")]
    [InlineData("cyd", "bob", "<b>bold</b>", HttpStatusCode.BadRequest, "message")]
    public async Task Request_BadInput_ProblemNamingTheField(string to, string through, string message, HttpStatusCode status, string? field)
    {
        var world = await WorldAsync();
        string Handle(string name) => name switch
        {
            "self" => world.Ada.Handle,
            "bob" => world.Bob.Handle,
            "cyd" => world.Cyd.Handle,
            "eve" => world.Eve.Handle,
            "stranger" => world.Stranger.Handle,
            _ => name,
        };

        using var response = await world.Ada.SendIntroductionRequestAsync(Handle(to), Handle(through), message == "10kB" ? new string('x', 10_000) : message, Cancellation);

        await AssertProblemAsync(response, status, field);
        Assert.Equal(0, (await world.Ada.GetJsonAsync("/api/v1/introductions?box=sent", Cancellation)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Request_MessageOfExactlyTheLimitWithLineBreaks_Accepted()
    {
        var world = await WorldAsync();
        var message = "Line one\nLine two " + new string('x', 1000 - 18);
        using var response = await world.Ada.SendIntroductionRequestAsync(world.Cyd.Handle, world.Bob.Handle, message, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/introductions/{(await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).Id()}",
            response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Request_WithoutThrough_TheProposedIntermediary()
    {
        var world = await WorldAsync();
        using var response = await world.Ada.SendIntroductionRequestAsync(world.Cyd.Handle, null, "Hello", Cancellation);
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(world.Bob.Handle, created.GetProperty("intermediary").GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Request_TargetBlockedTheRequester_NotFound()
    {
        var world = await WorldAsync();
        await world.Cyd.BlockAsync(world.Ada, Cancellation);
        using var response = await world.Ada.SendIntroductionRequestAsync(world.Cyd.Handle, world.Bob.Handle, "Hello", Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_Duplicate_ConflictOnTo()
    {
        var world = await WorldAsync();
        await world.Ada.RequestIntroductionAsync(world.Cyd, world.Bob, cancellationToken: Cancellation);
        using var again = await world.Ada.SendIntroductionRequestAsync(world.Cyd.Handle, world.Bob.Handle, "Again", Cancellation);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "to");
    }

    [Fact]
    public async Task Request_TwoAtOnce_OneRowAndOneConflict()
    {
        var world = await WorldAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            world.Ada.SendIntroductionRequestAsync(world.Cyd.Handle, world.Bob.Handle, "Twice at once", Cancellation)));
        try
        {
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await AssertProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "to");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        Assert.Equal(1, (await world.Ada.GetJsonAsync("/api/v1/introductions?box=sent", Cancellation)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Forward_TwoAtOnce_OneWinsTheOtherConflicts()
    {
        var world = await WorldAsync();
        var id = (await world.Ada.RequestIntroductionAsync(world.Cyd, world.Bob, cancellationToken: Cancellation)).Id();
        var responses = await Task.WhenAll(
            world.Bob.AnswerIntroductionAsync(id, "forward", "First", Cancellation),
            world.Bob.AnswerIntroductionAsync(id, "decline", "Second", Cancellation));
        try
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await AssertProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "status");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        var status = (await world.Ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString();
        Assert.True(status is "awaitingTarget" or "declined", status);
    }

    [Theory]
    [InlineData("forward", "10kB")]
    [InlineData("forward", "<img src=x onerror=alert(1)>")]
    [InlineData("decline", "10kB")]
    [InlineData("decline", "<a href='x'>x</a>")]
    public async Task Answer_BadNote_BadRequestAndUnchanged(string action, string note)
    {
        var world = await WorldAsync();
        var id = (await world.Ada.RequestIntroductionAsync(world.Cyd, world.Bob, cancellationToken: Cancellation)).Id();

        using var response = await world.Bob.AnswerIntroductionAsync(id, action, note == "10kB" ? new string('x', 10_000) : note, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "note");
        Assert.Equal("awaitingIntermediary", (await world.Ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/introductions/987654321")]
    [InlineData("POST", "/api/v1/introductions/987654321/forward")]
    [InlineData("POST", "/api/v1/introductions/987654321/decline")]
    [InlineData("POST", "/api/v1/introductions/987654321/accept")]
    [InlineData("DELETE", "/api/v1/introductions/987654321")]
    [InlineData("GET", "/api/v1/conversations/987654321")]
    [InlineData("POST", "/api/v1/conversations/987654321/messages")]
    [InlineData("GET", "/api/v1/members/nobody-has-this-handle/introduction-paths")]
    public async Task UnknownIds_NotFound(string method, string path)
    {
        var ada = await RegisterMemberAsync("Ada Unknown");
        var uri = new Uri(path, UriKind.Relative);
        using var response = method switch
        {
            "GET" => await ada.Client.GetAsync(uri, Cancellation),
            "DELETE" => await ada.Client.DeleteAsync(uri, Cancellation),
            _ => await ada.Client.PostAsJsonAsync(uri, new { note = "n", body = "b" }, Cancellation),
        };
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/introductions?box=inbox", "box")]
    [InlineData("/api/v1/introductions?page=0", "page")]
    [InlineData("/api/v1/introductions?page=2147483647", "page")]
    public async Task List_BadQuery_BadRequest(string path, string field)
    {
        var ada = await RegisterMemberAsync("Ada Lists");
        using var response = await ada.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Paths_ToOneself_BadRequestOnHandle_AndBlocked_NotFound()
    {
        var world = await WorldAsync();
        using (var self = await world.Ada.Client.GetAsync(new Uri($"/api/v1/members/{world.Ada.Handle}/introduction-paths", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(self, HttpStatusCode.BadRequest, "handle");
        }
        await world.Cyd.BlockAsync(world.Ada, Cancellation);
        using var blocked = await world.Ada.Client.GetAsync(new Uri($"/api/v1/members/{world.Cyd.Handle}/introduction-paths", UriKind.Relative), Cancellation);
        await AssertProblemAsync(blocked, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Paths_ToAStranger_NoneProposed()
    {
        var world = await WorldAsync();
        var paths = await world.Ada.GetJsonAsync($"/api/v1/members/{world.Stranger.Handle}/introduction-paths", Cancellation);
        Assert.Empty(paths.GetProperty("paths").EnumerateArray());
        Assert.Equal("none", paths.GetProperty("degree").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5kB")]
    public async Task Message_BadBody_BadRequestOnBody(string body)
    {
        var world = await WorldAsync();
        var id = (await world.Ada.RequestIntroductionAsync(world.Cyd, world.Bob, cancellationToken: Cancellation)).Id();
        await world.Bob.ForwardIntroductionAsync(id, cancellationToken: Cancellation);
        var conversationId = (await world.Cyd.AcceptIntroductionAsync(id, Cancellation)).GetProperty("conversationId").GetInt64();

        using var response = await world.Ada.SendMessageAsync(conversationId, body == "5kB" ? new string('x', 5_000) : body, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Single((await world.Ada.GetJsonAsync($"/api/v1/conversations/{conversationId}", Cancellation)).GetProperty("messages").EnumerateArray());
    }
}
