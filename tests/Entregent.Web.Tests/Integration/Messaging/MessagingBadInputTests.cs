using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>What the messaging routes refuse, with the field at fault, and what they accept as it is (markup is text).</summary>
public class MessagingBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { "empty", "" },
        { "whitespace", "  \n\t " },
        { "tooLong", new string('a', 4001) },
        { "control", "Hello\u0007" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Send_BadBody_BadRequestNamingBody_NothingStored(string name, string body)
    {
        Assert.NotEmpty(name);
        var (ann, bob, id) = await PairAsync();
        await AssertProblemAsync(await ann.SendMessageAsync(id, body, Cancellation), HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(await ann.SendOpenConversationAsync([bob.Handle], body, cancellationToken: Cancellation), HttpStatusCode.BadRequest, "body");
        Assert.Equal(1, await App.InStoreAsync(db => db.Messages.CountAsync(m => m.ConversationId == id, Cancellation)));
    }

    [Fact]
    public async Task Send_Markup_StoredAsTextAndShownEncoded()
    {
        var (ann, _, id) = await PairAsync();
        const string Script = "<script>alert('x')</script> & <b>bold</b>";
        var message = await ann.ReplyAsync(id, Script, Cancellation);
        Assert.Equal(Script, message.GetProperty("body").GetString());
        // Pages take the bearer token too (one scheme for both).
        using var page = await ann.Client.GetAsync(new Uri($"/messages/{id}", UriKind.Relative), Cancellation);
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"handles":[],"body":"Hi"}""", "handles")]
    [InlineData("""{"body":"Hi"}""", "handles")]
    [InlineData("""{"handles":["  "],"body":"Hi"}""", "handles")]
    [InlineData("""{"handles":["{bob}"],"body":"Hi","subject":"<b>x</b>"}""", "subject")]
    [InlineData("""{"handles":["{bob}"],"body":"Hi","clientKey":"has spaces in it"}""", "clientKey")]
    [InlineData("""{"handles":["{ann}"],"body":"Hi"}""", "handles")]
    public async Task Open_BadInput_BadRequestNamingTheField(string json, string field)
    {
        var (ann, bob, _) = await PairAsync();
        using var response = await ann.Client.PostAsync(new Uri("/api/v1/conversations", UriKind.Relative),
            RawJson(json.Replace("{bob}", bob.Handle, StringComparison.Ordinal).Replace("{ann}", ann.Handle, StringComparison.Ordinal)), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Open_UnknownHandle_NotFound_TooManyHandles_BadRequest_Duplicates_Folded()
    {
        var (ann, bob, id) = await PairAsync();
        await AssertProblemAsync(await ann.SendOpenConversationAsync(["nobody-" + Guid.NewGuid().ToString("N")[..8]], "Hi", cancellationToken: Cancellation),
            HttpStatusCode.NotFound);
        var many = Enumerable.Range(0, 50).Select(i => "member-" + i).ToList();
        await AssertProblemAsync(await ann.SendOpenConversationAsync(many, "Hi", cancellationToken: Cancellation), HttpStatusCode.BadRequest, "handles");
        using var folded = await ann.SendOpenConversationAsync([bob.Handle, bob.Handle.ToUpperInvariant(), "@" + bob.Handle], "Hi", cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Created, folded.StatusCode);
        Assert.Equal(id, (await folded.ReadJsonAsync(Cancellation)).Id());
    }

    [Theory]
    [InlineData("/api/v1/conversations?folder=spam", "folder")]
    [InlineData("/api/v1/conversations?folder=1", "folder")]
    [InlineData("/api/v1/conversations?before=yesterday", "before")]
    [InlineData("/api/v1/conversations?before=99999999999999999-1", "before")]
    [InlineData("/api/v1/conversations?before=9999999999999999999_1", "before")]
    [InlineData("/api/v1/conversations/{id}?page=0", "page")]
    [InlineData("/api/v1/conversations/{id}?page=2147483647", "page")]
    public async Task List_BadQuery_BadRequestNamingTheField(string path, string field)
    {
        var (ann, _, id) = await PairAsync();
        using var response = await ann.Client.GetAsync(new Uri(path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal), UriKind.Relative), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Send_SameClientKey_FirstMessageAgain200_NoDuplicate()
    {
        var (ann, bob, id) = await PairAsync();
        var key = Guid.NewGuid().ToString("N");
        using var first = await ann.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/messages", UriKind.Relative), new { body = "Once", clientKey = key }, Cancellation);
        using var second = await ann.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/messages", UriKind.Relative), new { body = "Once", clientKey = key }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.ReadJsonAsync(Cancellation)).Id(), (await second.ReadJsonAsync(Cancellation)).Id());
        Assert.Equal(2, await App.InStoreAsync(db => db.Messages.CountAsync(m => m.ConversationId == id, Cancellation)));

        // Racing: the same key sent many times at once still stores one message.
        var raceKey = Guid.NewGuid().ToString("N");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            ann.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/messages", UriKind.Relative), new { body = "Race", clientKey = raceKey }, Cancellation)));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
        Assert.Equal(3, await App.InStoreAsync(db => db.Messages.CountAsync(m => m.ConversationId == id, Cancellation)));

        // The same key on the open route: 200 with the first message, nothing new. In another conversation: 409.
        using var reopened = await ann.SendOpenConversationAsync([bob.Handle], "Once", clientKey: key, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var carl = await RegisterMemberAsync("Carl Other");
        await ConnectAsync(ann, carl);
        var other = await ann.WriteToAsync([carl], "Hi Carl", cancellationToken: Cancellation);
        await AssertProblemAsync(await ann.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{other}/messages", UriKind.Relative),
            new { body = "Once", clientKey = key }, Cancellation), HttpStatusCode.Conflict, "clientKey");
    }

    private async Task<(Member Ann, Member Bob, long Id)> PairAsync()
    {
        var ann = await RegisterMemberAsync("Ann Input");
        var bob = await RegisterMemberAsync("Bob Input");
        await ConnectAsync(ann, bob);
        var id = await ann.WriteToAsync([bob], "First", cancellationToken: Cancellation);
        return (ann, bob, id);
    }
}
