using Entregent.Web.Features.Feed;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Unit.Features.Feed;

/// <summary>The feed index alone: the per-source bound, posts kept once across sources, the scan budget and the cursors.</summary>
public class FeedIndexTests
{
    private const long Author = 1;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static FeedIndex NewIndex(int perSource = 10) =>
        new(Options.Create(new FeedOptions { PostsPerSource = perSource }), TimeProvider.System);

    private static PostViewer Viewer(long id) => new(id, new NetworkGraph(TimeProvider.System), new GroupViewer(id, [], []));

    private static FeedPost Post(long id, int minutes, string[]? tags = null, long? group = null) =>
        new(id, Author, group, null, group is null ? PostAudience.Public : PostAudience.Group, Start.AddMinutes(minutes), tags ?? []);

    [Fact]
    public void Upsert_MoreThanTheBound_KeepsTheNewestPerSourceOnly()
    {
        using var index = NewIndex(perSource: 10);
        index.Update(state =>
        {
            for (var i = 1; i <= 30; i++)
            {
                state.Upsert(Post(i, i));
            }
        });

        Assert.Equal(10, index.Stats.Posts);
        var slice = index.Read(Viewer(Author), [new(FeedSourceKind.Own, Author)], null, 50, 1000);
        Assert.Equal(Enumerable.Range(21, 10).Reverse().Select(i => (long)i), slice.Hits.Select(h => h.Key.Id));
        Assert.Null(slice.Next);
    }

    [Fact]
    public void Upsert_PostInTwoSources_StoredOnceAndKeptWhileOneListHoldsIt()
    {
        using var index = NewIndex(perSource: 10);
        index.Update(state =>
        {
            state.Upsert(Post(1, 0, ["rare"]));
            for (var i = 2; i <= 20; i++)
            {
                state.Upsert(Post(i, i));
            }
        });

        // Evicted from its author's list, still in the hashtag's: kept, once.
        Assert.Equal(11, index.Stats.Posts);
        var viewer = Viewer(99);
        var slice = index.Read(viewer, [new(FeedSourceKind.Hashtag, 0, "rare")], null, 20, 1000);
        Assert.Equal([1L], slice.Hits.Select(h => h.Key.Id));

        index.Update(state => state.Remove(1));
        Assert.Equal(10, index.Stats.Posts);
        Assert.Empty(index.Read(viewer, [new(FeedSourceKind.Hashtag, 0, "rare")], null, 20, 1000).Hits);
    }

    [Fact]
    public void Read_ScanBudgetSpent_StopsWithACursorThatResumesWithoutGaps()
    {
        using var index = NewIndex(perSource: 1000);
        index.Update(state =>
        {
            state.SetGroup(new GroupFacts(7, GroupKind.Private, null, false));
            // 300 posts in a private group the viewer is not in (unreadable), then 5 readable ones older than all of them.
            for (var i = 1; i <= 300; i++)
            {
                state.Upsert(Post(i, 1000 + i, group: 7));
            }
            for (var i = 301; i <= 305; i++)
            {
                state.Upsert(Post(i, i - 300));
            }
        });
        var viewer = Viewer(99);
        FeedSource[] sources = [new(FeedSourceKind.Group, 7), new(FeedSourceKind.FollowedMember, Author)];

        var first = index.Read(viewer, sources, null, 20, maxScan: 100);
        Assert.Empty(first.Hits);
        Assert.NotNull(first.Next);
        var seen = new List<long>();
        var next = first.Next;
        while (next is not null)
        {
            var slice = index.Read(viewer, sources, next, 20, maxScan: 100);
            seen.AddRange(slice.Hits.Select(h => h.Key.Id));
            next = slice.Next;
        }
        Assert.Equal([305L, 304, 303, 302, 301], seen);
    }

    [Fact]
    public void Read_SameTime_IdBreaksTheTieAndCursorIsExclusive()
    {
        using var index = NewIndex();
        index.Update(state =>
        {
            for (var i = 1; i <= 5; i++)
            {
                state.Upsert(Post(i, 0));
            }
        });
        var viewer = Viewer(Author);
        FeedSource[] own = [new(FeedSourceKind.Own, Author)];
        var first = index.Read(viewer, own, null, 2, 1000);
        Assert.Equal([5L, 4], first.Hits.Select(h => h.Key.Id));
        var second = index.Read(viewer, own, first.Next, 2, 1000);
        Assert.Equal([3L, 2], second.Hits.Select(h => h.Key.Id));
        var third = index.Read(viewer, own, second.Next, 2, 1000);
        Assert.Equal([1L], third.Hits.Select(h => h.Key.Id));
        Assert.Null(third.Next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("////////////////////////")]
    [InlineData("<script>alert(1)</script>")]
    public void TryParseCursor_NotACursor_False(string value) => Assert.False(ViewFeed.TryParseCursor(value, out _));

    [Fact]
    public void FormatCursor_RoundTrips()
    {
        var key = new FeedKey(Start.UtcTicks, 123_456_789);
        Assert.True(ViewFeed.TryParseCursor(ViewFeed.FormatCursor(key), out var parsed));
        Assert.Equal(key, parsed);
    }
}
