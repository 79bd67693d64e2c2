using System.Net;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>Post search: French and English analysis, hashtags, order, and the bad-input rules people search has.</summary>
public class PostSearchTests(EntregentFactory app) : IntegrationTest(app)
{
    private static string Tag(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("Nous cherchons une ingénieure pour l'énergie", "ingenieur energie")]
    [InlineData("Une développeuse rejoint l'équipe", "développeur")]
    [InlineData("Trois ingénieurs recrutés", "ingénieur")]
    [InlineData("La directrice commerciale arrive", "directeur")]
    [InlineData("Trois développeuses et deux directrices rejoignent l'équipe", "développeur directeur")]
    [InlineData("Hiring data engineers in Lyon", "engineer")]
    [InlineData("L'Oréal recrute", "oreal")]
    public async Task Words_FoundWhateverTheAccentsGenderAndNumber(string body, string query)
    {
        var tag = Tag("Pst");
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        var id = await App.CreatePostInStoreAsync(author, body + " " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        var result = await reader.SearchPostsAsync("q=" + Uri.EscapeDataString(query + " " + tag), Cancellation);

        Assert.Equal([id], result.FoundPostIds());
        Assert.Equal(1, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Words_AllMustAppear()
    {
        var tag = Tag("All");
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        await App.CreatePostInStoreAsync(author, "cloud only " + tag, cancellationToken: Cancellation);
        var both = await App.CreatePostInStoreAsync(author, "cloud and security " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        var result = await reader.SearchPostsAsync($"q=cloud+security+{tag}", Cancellation);

        Assert.Equal([both], result.FoundPostIds());
    }

    [Fact]
    public async Task Hashtag_FiltersByTagFoldedAndAlsoFoundAsAWord()
    {
        var tag = Tag("Hash");
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        var tagged = await App.CreatePostInStoreAsync(author, "Renewables today " + tag, cancellationToken: Cancellation);
        await App.TagPostInStoreAsync(tagged, "energie" + tag.ToLowerInvariant());
        await App.CreatePostInStoreAsync(author, "Renewables tomorrow " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        var byTag = await reader.SearchPostsAsync("hashtag=" + Uri.EscapeDataString("#Énergie" + tag), Cancellation);
        var byTagAndWord = await reader.SearchPostsAsync($"hashtag=energie{tag}&q=renewables", Cancellation);
        var byWord = await reader.SearchPostsAsync("q=" + Uri.EscapeDataString("énergie" + tag), Cancellation);
        var both = await reader.SearchPostsAsync($"q=renewables+{tag}", Cancellation);

        Assert.Equal([tagged], byTag.FoundPostIds());
        Assert.Equal([tagged], byTagAndWord.FoundPostIds());
        Assert.Equal([tagged], byWord.FoundPostIds());
        Assert.Equal(2, both.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Hashtag_SameTagsAsTheHashtagPage_UnderscoresKept()
    {
        var tag = Tag("u").ToLowerInvariant();
        var author = await RegisterMemberAsync("Author Underscore");
        var reader = await RegisterMemberAsync("Reader Underscore");
        var underscored = await author.PostAsync($"Notes on #machine_learning{tag}", cancellationToken: Cancellation);
        await author.PostAsync($"Notes on #machinelearning{tag}", cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        var searched = await reader.SearchPostsAsync("hashtag=" + Uri.EscapeDataString($"#Machine_Learning{tag}"), Cancellation);
        var page = await reader.GetJsonAsync($"/api/v1/hashtags/machine_learning{tag}/posts", Cancellation);

        Assert.Equal([underscored], searched.FoundPostIds());
        Assert.Equal([underscored], page.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task AuthorNarrowsReach_PostsNoLongerFoundByStrangers_AndFoundAgainWhenWidened()
    {
        var tag = Tag("Reach");
        var author = await RegisterMemberAsync("Author Narrowing");
        var stranger = await RegisterMemberAsync("Stranger Searching");
        var id = await author.PostAsync("Market notes " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();
        var before = await stranger.SearchPostsAsync("q=" + tag, Cancellation);

        await author.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation);
        await WaitForNetworkAsync();
        var narrowed = await stranger.SearchPostsAsync("q=" + tag, Cancellation);
        await author.SetPrivacyAsync(reach: "everyone", cancellationToken: Cancellation);
        await WaitForNetworkAsync();
        var widened = await stranger.SearchPostsAsync("q=" + tag, Cancellation);

        Assert.Equal([id], before.FoundPostIds());
        Assert.Empty(narrowed.FoundPostIds());
        Assert.Equal(0, narrowed.GetProperty("total").GetInt32());
        Assert.Equal([id], widened.FoundPostIds());
    }

    [Fact]
    public async Task Order_TitleWordsFirst_ThenNewestAmongEquals()
    {
        var tag = Tag("Ord");
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        var older = await App.CreatePostInStoreAsync(author, "Same words " + tag, cancellationToken: Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(5));
        var newer = await App.CreatePostInStoreAsync(author, "Same words " + tag, cancellationToken: Cancellation);
        var titled = await App.CreatePostInStoreAsync(author, "Same words " + tag, cancellationToken: Cancellation);
        await App.InStoreAsync(async db =>
        {
            var post = await db.Posts.FindAsync([titled], Cancellation);
            post!.Kind = PostKind.Article;
            post.Title = "Words " + tag;
            return await db.SaveChangesAsync(Cancellation);
        });
        await WaitForNetworkAsync();

        var result = await reader.SearchPostsAsync("q=words+" + tag, Cancellation);

        Assert.Equal([titled, newer, older], result.FoundPostIds());
    }

    [Fact]
    public async Task Deleted_NoLongerFound()
    {
        var tag = Tag("Del");
        var author = await RegisterMemberAsync("Author " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        var id = await App.CreatePostInStoreAsync(author, "Soon gone " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();
        Assert.Equal(1, (await reader.SearchPostsAsync("q=" + tag, Cancellation)).GetProperty("total").GetInt32());

        await App.InStoreAsync(async db =>
        {
            db.Posts.Remove((await db.Posts.FindAsync([id], Cancellation))!);
            return await db.SaveChangesAsync(Cancellation);
        });
        await WaitForNetworkAsync();

        Assert.Equal(0, (await reader.SearchPostsAsync("q=" + tag, Cancellation)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("q=")]
    [InlineData("")]
    [InlineData("q=%01abc")]
    [InlineData("page=0&q=abc")]
    [InlineData("page=51&q=abc")]
    [InlineData("hashtag=%23%23%23")]
    public async Task BadInput_400WithTheField(string query)
    {
        var reader = await RegisterMemberAsync("Reader");
        using var response = await reader.Client.GetAsync(new Uri("/api/v1/search/posts?" + query, UriKind.Relative), Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Single(ErrorFields(problem));
    }

    [Fact]
    public async Task OverLong_And_UnknownParameter_400()
    {
        var reader = await RegisterMemberAsync("Reader");
        using var tooLong = await reader.Client.GetAsync(new Uri("/api/v1/search/posts?q=" + new string('a', 201), UriKind.Relative), Cancellation);
        using var unknown = await reader.Client.GetAsync(new Uri("/api/v1/search/posts?q=a&author=x", UriKind.Relative), Cancellation);
        using var groupsUnknown = await reader.Client.GetAsync(new Uri("/api/v1/search/groups?q=a&kind=x", UriKind.Relative), Cancellation);
        using var groupsEmpty = await reader.Client.GetAsync(new Uri("/api/v1/search/groups?q=", UriKind.Relative), Cancellation);
        using var groupsLong = await reader.Client.GetAsync(new Uri("/api/v1/search/groups?q=" + new string('a', 201), UriKind.Relative), Cancellation);

        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "author");
        await AssertProblemAsync(groupsUnknown, HttpStatusCode.BadRequest, "kind");
        await AssertProblemAsync(groupsEmpty, HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(groupsLong, HttpStatusCode.BadRequest, "q");
    }

    [Fact]
    public async Task ScriptInQuery_TakenAsText()
    {
        var reader = await RegisterMemberAsync("Reader");

        var result = await reader.SearchPostsAsync("q=" + Uri.EscapeDataString("<script>alert(1)</script>"), Cancellation);

        Assert.Equal(0, result.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/search/posts?q=ada")]
    [InlineData("/api/v1/search/groups?q=ada")]
    public async Task Anonymous_Unauthorized(string path)
    {
        using var response = await App.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Groups_FoundByNameAndDescription_WithAccentsAndStems()
    {
        var tag = Tag("Grp");
        var owner = await RegisterMemberAsync("Owner " + tag);
        var reader = await RegisterMemberAsync("Reader " + tag);
        var byName = await App.CreateGroupInStoreAsync(owner, GroupKind.Public, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(byName, "Ingénieures de Lyon " + tag, "Un groupe d'entraide");
        var byDescription = await App.CreateGroupInStoreAsync(owner, GroupKind.Private, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(byDescription, "Club " + tag, "Pour les ingénieurs curieux");
        await WaitForNetworkAsync();

        var result = await reader.SearchGroupsAsync($"q=ingenieur+{tag}", Cancellation);

        Assert.Equal(new[] { byName, byDescription }.Order(), result.FoundGroupSlugs().Order());
        Assert.Equal(2, result.GetProperty("total").GetInt32());
    }
}
