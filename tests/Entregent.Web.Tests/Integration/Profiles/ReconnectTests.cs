using System.Net;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Profiles;

/// <summary>"Reconnect": connections quiet for long whose position changed since, against a naive oracle.</summary>
public class ReconnectTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Reconnect_SmallRandomNetwork_MatchesNaiveOracle()
    {
        var random = new Random(20261123);
        var viewer = await RegisterMemberAsync("Vera Viewer");
        var viewerId = await App.MemberIdAsync(viewer, Cancellation);
        var others = new List<(Member Member, long Id)>();
        for (var i = 0; i < 8; i++)
        {
            var other = await RegisterMemberAsync($"Conn {i}");
            await ConnectAsync(viewer, other);
            others.Add((other, await App.MemberIdAsync(other, Cancellation)));
            for (var p = random.Next(0, 3); p > 0; p--)
            {
                await other.AddPositionAsync(MemberActions.UniqueName("Org"), $"Role {i}.{p}", App.MonthsAgo(random.Next(0, 40)), cancellationToken: Cancellation);
            }
        }
        var stranger = await RegisterMemberAsync("Stan Stranger");
        await stranger.AddPositionAsync(MemberActions.UniqueName("Org"), "Anything", App.MonthsAgo(1), cancellationToken: Cancellation);
        var now = App.Time.GetUtcNow();

        // Scatter the history: when each connection was made, when the two last wrote, when each position was added.
        await App.InStoreAsync(async db =>
        {
            var ids = others.Select(o => o.Id).ToList();
            foreach (var connection in await db.Connections.Where(c => ids.Contains(c.MemberId) || ids.Contains(c.OtherMemberId)).ToListAsync(Cancellation))
            {
                connection.CreatedAt = now.AddDays(-random.Next(100, 1500));
            }
            foreach (var (_, id) in others.Where(_ => random.Next(2) == 0))
            {
                var toViewer = random.Next(2) == 0;
                db.Correspondence.Add(new Correspondence
                {
                    FromId = toViewer ? id : viewerId, ToId = toViewer ? viewerId : id, MessageCount = 1, LastMessageAt = now.AddDays(-random.Next(1, 700)),
                });
            }
            foreach (var position in await db.Positions.Where(p => ids.Contains(p.MemberId)).ToListAsync(Cancellation))
            {
                position.CreatedAt = now.AddDays(-random.Next(0, 1400)).AddMinutes(random.Next(0, 1000));
            }
            return await db.SaveChangesAsync(Cancellation);
        });

        var answer = await viewer.GetJsonAsync("/api/v1/me/reconnect", Cancellation);
        var expected = await App.InStoreAsync(db => OracleAsync(db, viewerId, now));

        Assert.Equal(expected, answer.EnumerateArray().Select(i => i.GetProperty("member").GetProperty("handle").GetString()!).ToList());
        Assert.All(answer.EnumerateArray(), i => Assert.StartsWith("/messages/new?to=", i.GetProperty("messageUrl").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < others.Count, "The random network should leave some connections out.");
    }

    [Fact]
    public async Task Reconnect_RecentMessageOrBlock_LeftOut()
    {
        var viewer = await RegisterMemberAsync("Vic Reconnect");
        var quiet = await RegisterMemberAsync("Quinn Moved");
        var chatty = await RegisterMemberAsync("Chad Chatty");
        await ConnectAsync(viewer, quiet);
        await ConnectAsync(viewer, chatty);
        App.Time.Advance(TimeSpan.FromDays(200));
        await App.SignInAgainAsync(Cancellation, viewer, quiet, chatty);
        await quiet.AddPositionAsync("Acme " + MemberActions.UniqueName("Now"), "Head of Sales", App.MonthsAgo(0), cancellationToken: Cancellation);
        await chatty.AddPositionAsync(MemberActions.UniqueName("Elsewhere"), "CTO", App.MonthsAgo(0), cancellationToken: Cancellation);
        var viewerId = await App.MemberIdAsync(viewer, Cancellation);
        var chattyId = await App.MemberIdAsync(chatty, Cancellation);
        await App.InStoreAsync(async db =>
        {
            db.Correspondence.Add(new Correspondence { FromId = chattyId, ToId = viewerId, MessageCount = 1, LastMessageAt = App.Time.GetUtcNow() });
            return await db.SaveChangesAsync(Cancellation);
        });

        var list = await viewer.GetJsonAsync("/api/v1/me/reconnect", Cancellation);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(quiet.Handle, item.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal("Head of Sales", item.GetProperty("change").GetProperty("title").GetString());
        Assert.True(item.GetProperty("change").GetProperty("current").GetBoolean());

        await quiet.BlockAsync(viewer, Cancellation);
        Assert.Equal(0, (await viewer.GetJsonAsync("/api/v1/me/reconnect", Cancellation)).GetArrayLength());
        using var page = await viewer.Client.GetAsync(new Uri("/network/reconnect", UriKind.Relative), Cancellation);
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);
    }

    /// <summary>The definition, read straight: every connection, every interaction, every position, compared one by one.</summary>
    private static async Task<List<string>> OracleAsync(Entregent.Web.Data.EntregentDb db, long viewerId, DateTimeOffset now)
    {
        var connections = (await db.Connections.Where(c => c.MemberId == viewerId || c.OtherMemberId == viewerId).ToListAsync(Cancellation))
            .Select(c => (Other: c.MemberId == viewerId ? c.OtherMemberId : c.MemberId, c.CreatedAt)).ToList();
        var correspondence = await db.Correspondence.ToListAsync(Cancellation);
        var endorsements = await db.Endorsements.ToListAsync(Cancellation);
        var recommendations = await db.Recommendations.ToListAsync(Cancellation);
        var positions = await db.Positions.ToListAsync(Cancellation);
        var handles = await db.Profiles.ToDictionaryAsync(p => p.MemberId, p => p.Handle, Cancellation);
        var result = new List<(string Handle, DateTimeOffset ChangedAt, long Id)>();
        foreach (var (other, createdAt) in connections)
        {
            var times = new List<DateTimeOffset> { createdAt };
            times.AddRange(correspondence.Where(c => (c.FromId == viewerId && c.ToId == other) || (c.FromId == other && c.ToId == viewerId)).Select(c => c.LastMessageAt));
            times.AddRange(endorsements.Where(e => (e.EndorserId == viewerId && e.MemberId == other) || (e.EndorserId == other && e.MemberId == viewerId)).Select(e => e.CreatedAt));
            foreach (var r in recommendations.Where(r => (r.AuthorId == viewerId && r.RecipientId == other) || (r.AuthorId == other && r.RecipientId == viewerId)))
            {
                times.Add(r.CreatedAt);
                times.AddRange(new[] { r.WrittenAt, r.DecidedAt }.OfType<DateTimeOffset>());
            }
            var last = times.Max();
            if (last >= now.AddDays(-180))
            {
                continue;
            }
            DateTimeOffset? newest = null;
            foreach (var p in positions.Where(p => p.MemberId == other))
            {
                var started = new DateTimeOffset(p.StartMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (p.CreatedAt > last || started > last)
                {
                    var changed = started > last ? started : p.CreatedAt;
                    newest = newest is null || changed > newest ? changed : newest;
                }
            }
            if (newest is { } at)
            {
                result.Add((handles[other], at, other));
            }
        }
        return [.. result.OrderByDescending(r => r.ChangedAt).ThenBy(r => r.Id).Select(r => r.Handle)];
    }
}
