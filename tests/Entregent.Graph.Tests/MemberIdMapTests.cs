namespace Entregent.Graph.Tests;

public class MemberIdMapTests
{
    [Fact]
    public void GetOrAdd_NewIds_AreDenseInOrder()
    {
        var map = new MemberIdMap();

        Assert.Equal(0, map.GetOrAdd(9_000_000_000L));
        Assert.Equal(1, map.GetOrAdd(-4));
        Assert.Equal(0, map.GetOrAdd(9_000_000_000L));
        Assert.Equal(2, map.Count);
        Assert.Equal(-4, map.GetExternal(1));
        Assert.True(map.TryGetDense(9_000_000_000L, out var dense));
        Assert.Equal(0, dense);
        Assert.False(map.TryGetDense(5, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.GetExternal(2));
    }

    [Fact]
    public async Task GetOrAdd_Concurrently_AssignsEachIdOnce()
    {
        var map = new MemberIdMap();
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
            Enumerable.Range(0, 20_000).Select(i => (External: (long)((i * 7919) % 20_000), Dense: map.GetOrAdd((i * 7919) % 20_000))).ToList(), ct)));

        Assert.Equal(20_000, map.Count);
        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, pair => Assert.Equal(pair.External, map.GetExternal(pair.Dense)));
        Assert.Equal(20_000, all.Select(p => p.Dense).Distinct().Count());
    }
}
