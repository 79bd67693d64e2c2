using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Watches;

/// <summary>
/// Watches matching what is new, end to end: the job runs on the test clock, matches through the search index, keeps
/// what the owner may see, and notifies each (watch, item) once.
/// </summary>
public class WatchMatchingTests(EntregentFactory app) : IntegrationTest(app)
{
    private static string Tag(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToLowerInvariant();

    [Fact]
    public async Task NewPost_WithKeyword_OneNotification_AndListedInMatches()
    {
        var tag = Tag("kw");
        var owner = await RegisterMemberAsync("Owner");
        var author = await RegisterMemberAsync("Author");
        var id = await owner.WatchKeywordsAsync($"\"énergie verte\" {tag}", cancellationToken: Cancellation);
        var before = await App.CreatePostInStoreAsync(author, "Matched by the other keyword " + tag, cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);

        var post = await App.CreatePostInStoreAsync(author, "Les énergies vertes arrivent", cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);
        await App.RunWatchesAsync(Cancellation);

        var notifications = await App.WatchNotificationsAsync(owner, Cancellation);
        var matches = await owner.WatchMatchesAsync(id, Cancellation);
        var watch = await owner.GetJsonAsync($"/api/v1/watches/{id}", Cancellation);
        Assert.Equal([$"watch:{id}:post:{before}", $"watch:{id}:post:{post}"], notifications);
        Assert.Equal([post, before], matches.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("itemId").GetInt64()));
        Assert.Equal("post", matches.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal(post, matches.GetProperty("items")[0].GetProperty("post").GetProperty("id").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, watch.GetProperty("lastMatchAt").ValueKind);
    }

    [Fact]
    public async Task Exclusion_InvisiblePost_OwnPost_NoNotification()
    {
        var tag = Tag("ex");
        var owner = await RegisterMemberAsync("Owner");
        var author = await RegisterMemberAsync("Author");
        await owner.WatchKeywordsAsync(tag, exclusions: "recrutement", cancellationToken: Cancellation);
        await App.CreatePostInStoreAsync(author, $"Offre de recrutement {tag}", cancellationToken: Cancellation);
        await App.CreatePostInStoreAsync(author, $"For connections only {tag}", PostAudience.Connections, cancellationToken: Cancellation);
        var group = await App.CreateGroupInStoreAsync(author, GroupKind.Private, cancellationToken: Cancellation);
        await App.CreatePostInStoreAsync(author, $"Members only {tag}", groupSlug: group, cancellationToken: Cancellation);
        await App.CreatePostInStoreAsync(owner, $"My own words {tag}", cancellationToken: Cancellation);

        await App.RunWatchesAsync(Cancellation);

        Assert.Empty(await App.WatchNotificationsAsync(owner, Cancellation));
    }

    [Fact]
    public async Task BlockedAuthor_NoNotification_AndConnectionPostNotifies()
    {
        var tag = Tag("bl");
        var owner = await RegisterMemberAsync("Owner");
        var blocked = await RegisterMemberAsync("Blocked");
        var friend = await RegisterMemberAsync("Friend");
        await ConnectAsync(owner, friend);
        var id = await owner.WatchKeywordsAsync(tag, cancellationToken: Cancellation);
        await owner.BlockAsync(blocked, Cancellation);
        await App.CreatePostInStoreAsync(blocked, $"Hidden {tag}", cancellationToken: Cancellation);
        var post = await App.CreatePostInStoreAsync(friend, $"For my connections {tag}", PostAudience.Connections, cancellationToken: Cancellation);

        await App.RunWatchesAsync(Cancellation);

        Assert.Equal([$"watch:{id}:post:{post}"], await App.WatchNotificationsAsync(owner, Cancellation));
    }

    [Fact]
    public async Task SameItemSeenTwice_NotifiedOnce()
    {
        var tag = Tag("tw");
        var owner = await RegisterMemberAsync("Owner");
        var author = await RegisterMemberAsync("Author");
        var id = await owner.WatchKeywordsAsync(tag, cancellationToken: Cancellation);
        var post = await App.CreatePostInStoreAsync(author, $"First version {tag}", cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);

        // An edit puts the post in the feed again.
        await App.InStoreAsync(async db =>
        {
            var row = await db.Posts.FindAsync([post], Cancellation);
            row!.Body = $"Second version {tag}";
            row.Version++;
            return await db.SaveChangesAsync(Cancellation);
        });
        await App.RunWatchesAsync(Cancellation);

        Assert.Equal([$"watch:{id}:post:{post}"], await App.WatchNotificationsAsync(owner, Cancellation));
    }

    [Fact]
    public async Task Groups_NewVisibleGroupNotifies_UnlistedNever()
    {
        var tag = Tag("gr");
        var owner = await RegisterMemberAsync("Owner");
        var creator = await RegisterMemberAsync("Creator");
        var id = await owner.WatchKeywordsAsync(tag, sources: ["groups"], cancellationToken: Cancellation);
        var open = await App.CreateGroupInStoreAsync(creator, GroupKind.Public, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(open, "Cercle " + tag);
        var hidden = await App.CreateGroupInStoreAsync(creator, GroupKind.Unlisted, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(hidden, "Secret " + tag);
        await App.CreatePostInStoreAsync(creator, $"A post {tag}", cancellationToken: Cancellation);

        await App.RunWatchesAsync(Cancellation);

        var groupId = await App.InStoreAsync(db => db.Groups.Where(g => g.Slug == open).Select(g => g.Id).SingleAsync(Cancellation));
        Assert.Equal([$"watch:{id}:group:{groupId}"], await App.WatchNotificationsAsync(owner, Cancellation));
    }

    [Fact]
    public async Task SavedPeopleSearch_NewMatchingMemberNotifies_OthersNot()
    {
        var tag = Tag("ps");
        var owner = await RegisterMemberAsync("Owner");
        var created = await owner.CreateWatchAsync(new { kind = "savedSearch", name = "Engineers", query = $"q={tag}&title=ingénieure" }, Cancellation);
        var id = created.GetProperty("id").GetInt64();

        var engineer = await RegisterMemberAsync("Engineer " + tag);
        await engineer.AddPositionAsync("Company " + tag, "Ingénieur logiciel", App.MonthsAgo(3), cancellationToken: Cancellation);
        var baker = await RegisterMemberAsync("Baker " + tag);
        await baker.AddPositionAsync("Company " + tag, "Boulanger", App.MonthsAgo(3), cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);

        var engineerId = await App.MemberIdAsync(engineer, Cancellation);
        Assert.Equal([$"watch:{id}:member:{engineerId}"], await App.WatchNotificationsAsync(owner, Cancellation));
        var matches = await owner.WatchMatchesAsync(id, Cancellation);
        Assert.Equal("/in/" + engineer.Handle, matches.GetProperty("items")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task KeywordWatch_OnPeople_NeverTheOwnerThemselves()
    {
        var tag = Tag("me");
        var owner = await RegisterMemberAsync("Owner " + tag);
        var id = await owner.WatchKeywordsAsync(tag, sources: ["people"], cancellationToken: Cancellation);
        await owner.AddPositionAsync("Company " + tag, "Analyst", App.MonthsAgo(3), cancellationToken: Cancellation);
        var other = await RegisterMemberAsync("Other " + tag);

        await App.RunWatchesAsync(Cancellation);

        var otherId = await App.MemberIdAsync(other, Cancellation);
        Assert.Equal([$"watch:{id}:member:{otherId}"], await App.WatchNotificationsAsync(owner, Cancellation));
    }

    [Fact]
    public async Task BlockAfterTheMatch_HidesItFromMatches()
    {
        var tag = Tag("af");
        var owner = await RegisterMemberAsync("Owner");
        var author = await RegisterMemberAsync("Author");
        var id = await owner.WatchKeywordsAsync(tag, cancellationToken: Cancellation);
        await App.CreatePostInStoreAsync(author, $"Visible at first {tag}", cancellationToken: Cancellation);
        await App.RunWatchesAsync(Cancellation);
        Assert.Equal(1, (await owner.WatchMatchesAsync(id, Cancellation)).GetProperty("items").GetArrayLength());

        await author.BlockAsync(owner, Cancellation);

        Assert.Equal(0, (await owner.WatchMatchesAsync(id, Cancellation)).GetProperty("items").GetArrayLength());
    }
}
