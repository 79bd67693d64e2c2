using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Posts;

/// <summary>Refused input: ProblemDetails naming the field, never a 500, never a half-written post; markup rendered inert.</summary>
public class PostBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, string, string> BadPosts => new()
    {
        { "empty body", """{"body":""}""", "body" },
        { "blank body", """{"body":"   \n  "}""", "body" },
        { "post too long", $$"""{"body":"{{new string('a', 3001)}}"}""", "body" },
        { "article too long", $$"""{"kind":"article","title":"T","body":"{{new string('a', 100_001)}}"}""", "body" },
        { "article without title", """{"kind":"article","body":"Text"}""", "title" },
        { "title on a post", """{"title":"A title","body":"Text"}""", "title" },
        { "title with HTML", """{"kind":"article","title":"<script>alert(1)</script>","body":"Text"}""", "title" },
        { "title too long", $$"""{"kind":"article","title":"{{new string('t', 201)}}","body":"Text"}""", "title" },
        { "group audience without group", """{"audience":"group","body":"Text"}""", "groupSlug" },
        { "group with another audience", """{"audience":"public","groupSlug":"some-group","body":"Text"}""", "audience" },
        { "control characters", """{"body":"a\u0007b"}""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task Create_BadInput_400WithFieldAndNothingStored(string label, string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada " + label);
        var id = await App.MemberIdAsync(ada, Cancellation);

        using var response = await ada.Client.PostAsync(new Uri("/api/v1/posts", UriKind.Relative), Problems.RawJson(json), Cancellation);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await App.InStoreAsync(db => db.Posts.CountAsync(p => p.AuthorId == id, Cancellation)));
    }

    [Theory]
    [InlineData("""{"kind":"poem","body":"Text"}""")]
    [InlineData("""{"audience":"everyone","body":"Text"}""")]
    [InlineData("""{"kind":3,"body":"Text"}""")]
    [InlineData("""{"body":""")]
    public async Task Create_MalformedJson_400(string json)
    {
        var ada = await RegisterMemberAsync("Ada Malformed");
        using var response = await ada.Client.PostAsync(new Uri("/api/v1/posts", UriKind.Relative), Problems.RawJson(json), Cancellation);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("<script>alert(1)</script> hello")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>")]
    [InlineData("![pixel](https://tracker.example/p.gif)")]
    [InlineData("[inside](/admin) and <iframe src=//evil></iframe>")]
    public async Task Create_MarkupInBody_StoredInert(string body)
    {
        var ada = await RegisterMemberAsync("Ada Markup");
        var id = await ada.PostAsync(body, cancellationToken: Cancellation);
        var article = await ada.ArticleAsync("Markup", body, cancellationToken: Cancellation);
        foreach (var html in await App.InStoreAsync(db => db.Posts.Where(p => p.Id == id || p.Id == article).Select(p => p.BodyHtml).ToListAsync(Cancellation)))
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            AssertInert(html);
            Assert.DoesNotContain("href=\"/admin", html, StringComparison.Ordinal);
        }

        var commentId = await ada.CommentAsync(id, body, cancellationToken: Cancellation);
        var commentHtml = await App.InStoreAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.BodyHtml).SingleAsync(Cancellation));
        Assert.DoesNotContain("<script", commentHtml, StringComparison.OrdinalIgnoreCase);
        AssertInert(commentHtml);
    }

    /// <summary>Parsed as a browser would: no script, no event handler attribute, no link outside http(s) and mailto.</summary>
    private static void AssertInert(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe" or "style");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href") is { } href
            && !href.StartsWith("https://", StringComparison.Ordinal) && !href.StartsWith("http://", StringComparison.Ordinal)
            && !href.StartsWith("/hashtags/", StringComparison.Ordinal) && !href.StartsWith("/in/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownIds_404()
    {
        var ada = await RegisterMemberAsync("Ada Unknown");
        var id = await ada.PostAsync("Exists", cancellationToken: Cancellation);
        string[] paths = ["/api/v1/posts/999999999", "/api/v1/posts/999999999/comments", "/api/v1/posts/999999999/reactions",
            "/api/v1/posts/999999999/revisions", $"/api/v1/posts/{id}/comments/999999999/reactions", "/api/v1/groups/no-such-group/posts",
            "/api/v1/groups/no-such-group/pending-posts", "/api/v1/members/no-such-member/posts"];
        foreach (var path in paths)
        {
            using var response = await ada.GetAsync(path, Cancellation);
            await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
        using var reaction = await ada.SendReactionAsync(id, "like", 999999999, Cancellation);
        await Problems.AssertProblemAsync(reaction, HttpStatusCode.NotFound);
        using var edit = await ada.Client.PutAsJsonAsync(new Uri("/api/v1/posts/999999999", UriKind.Relative), new { body = "x", version = 0 }, Cancellation);
        await Problems.AssertProblemAsync(edit, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edit_BadInput_FieldAtFault()
    {
        var ada = await RegisterMemberAsync("Ada Bad Editor");
        var id = await ada.PostAsync("Original", cancellationToken: Cancellation);
        var url = new Uri($"/api/v1/posts/{id}", UriKind.Relative);

        using (var noVersion = await ada.Client.PutAsJsonAsync(url, new { body = "New" }, Cancellation))
        {
            await Problems.AssertProblemAsync(noVersion, HttpStatusCode.BadRequest, "version");
        }
        using (var empty = await ada.Client.PutAsJsonAsync(url, new { body = "", version = 0 }, Cancellation))
        {
            await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "body");
        }
        using (var stale = await ada.Client.PutAsJsonAsync(url, new { body = "New", version = 7 }, Cancellation))
        {
            await Problems.AssertProblemAsync(stale, HttpStatusCode.Conflict, "version");
        }
        Assert.Equal("Original", (await ada.ReadPostAsync(id, Cancellation)).GetProperty("body").GetString());
        Assert.Equal(0, await App.InStoreAsync(db => db.PostRevisions.CountAsync(r => r.PostId == id, Cancellation)));
    }

    [Fact]
    public async Task CommentsAndReactions_BadInput_FieldAtFault()
    {
        var ada = await RegisterMemberAsync("Ada Bad Commenter");
        var id = await ada.PostAsync("Comment me", cancellationToken: Cancellation);
        var other = await ada.PostAsync("Another", cancellationToken: Cancellation);
        var elsewhere = await ada.CommentAsync(other, "Elsewhere", cancellationToken: Cancellation);

        using (var empty = await ada.SendCommentAsync(id, "", cancellationToken: Cancellation))
        {
            await Problems.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "body");
        }
        using (var tooLong = await ada.SendCommentAsync(id, new string('c', 1251), cancellationToken: Cancellation))
        {
            await Problems.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "body");
        }
        using (var wrongPost = await ada.SendCommentAsync(id, "Reply", elsewhere, Cancellation))
        {
            await Problems.AssertProblemAsync(wrongPost, HttpStatusCode.BadRequest, "replyTo");
        }
        using (var noKind = await ada.SendReactionAsync(id, null, cancellationToken: Cancellation))
        {
            await Problems.AssertProblemAsync(noKind, HttpStatusCode.BadRequest, "kind");
        }
        using (var badKind = await ada.Client.PutAsync(new Uri($"/api/v1/posts/{id}/reaction", UriKind.Relative), Problems.RawJson("""{"kind":"love"}"""),
            Cancellation))
        {
            await Problems.AssertProblemAsync(badKind, HttpStatusCode.BadRequest);
        }
        using (var cursor = await ada.GetAsync($"/api/v1/members/{ada.Handle}/posts?before=yesterday", Cancellation))
        {
            await Problems.AssertProblemAsync(cursor, HttpStatusCode.BadRequest, "before");
        }
        using (var tag = await ada.GetAsync("/api/v1/hashtags/2024/posts", Cancellation))
        {
            await Problems.AssertProblemAsync(tag, HttpStatusCode.BadRequest, "tag");
        }
        Assert.Equal(0, (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("commentCount").GetInt32());
    }
}
