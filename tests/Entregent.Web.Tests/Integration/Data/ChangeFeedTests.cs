using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Integration.Data;

/// <summary>The change feed is written in the same transaction as the change, and read back in sequence order.</summary>
public class ChangeFeedTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SaveChanges_RolledBack_NeitherRowNorChange()
    {
        _ = App.Services;
        var before = await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation));
        var key = UniqueKey("rolled back");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            db.Organizations.Add(NewOrganization(key));
            await db.SaveChangesAsync(Cancellation);
            // Inside the transaction both rows are there...
            Assert.Equal(before + 1, await db.Changes.CountAsync(Cancellation));
            await transaction.RollbackAsync(Cancellation);
        }

        // ...and after the rollback neither is.
        Assert.Equal(0, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.MatchKey == key, Cancellation)));
        Assert.Equal(before, await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task SaveChanges_Committed_RowAndChangeWithItsIds()
    {
        var ada = await RegisterMemberAsync("Ada Feed");
        var memberId = await App.MemberIdAsync(ada, Cancellation);
        var after = await App.Services.GetRequiredService<ChangeFeed>().LastSequenceAsync(Cancellation);
        long organizationId, positionId;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            var organization = NewOrganization(UniqueKey("committed"));
            var position = new Position { MemberId = memberId, Organization = organization, Title = "Feeder", StartMonth = new DateOnly(2020, 1, 1) };
            db.Positions.Add(position);
            await db.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
            (organizationId, positionId) = (organization.Id, position.Id);
        }

        var changes = await App.Services.GetRequiredService<ChangeFeed>().ReadAsync(after, 100, Cancellation);
        Assert.Contains(changes, c => c is { Kind: "organization.created", MemberId: null } && c.EntityId == organizationId);
        Assert.Contains(changes, c => c.Kind == "position.created" && c.EntityId == positionId && c.MemberId == memberId && c.RelatedId == organizationId);
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(App.Time.GetUtcNow().ToUnixTimeMilliseconds(), c.OccurredAt.ToUnixTimeMilliseconds()));
        Assert.Equal(1, await App.InStoreAsync(db => db.Positions.CountAsync(p => p.Id == positionId, Cancellation)));
    }

    [Fact]
    public async Task SaveChanges_Failing_NoChangeWritten()
    {
        var key = UniqueKey("duplicate");
        await App.InStoreAsync(async db =>
        {
            db.Organizations.Add(NewOrganization(key));
            return await db.SaveChangesAsync(Cancellation);
        });
        var before = await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => App.InStoreAsync(async db =>
        {
            // Same match key: the unique index refuses it, and the feed row must go with it.
            var twin = NewOrganization(key);
            twin.Slug += "-twin";
            db.Organizations.Add(twin);
            return await db.SaveChangesAsync(Cancellation);
        }));

        Assert.Equal(before, await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation)));
        Assert.Equal(1, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.MatchKey == key, Cancellation)));
    }

    [Fact]
    public async Task ApiWrite_ProfileEdit_ChangeRecorded()
    {
        var ada = await RegisterMemberAsync("Ada Api Feed");
        var memberId = await App.MemberIdAsync(ada, Cancellation);
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var after = await feed.LastSequenceAsync(Cancellation);

        await ada.EditProfileAsync(new { headline = "Fed" }, Cancellation);

        var change = Assert.Single(await feed.ReadAsync(after, 100, Cancellation));
        Assert.Equal("profile.updated", change.Kind);
        Assert.Equal(memberId, change.EntityId);
        Assert.Equal(memberId, change.MemberId);
    }

    [Fact]
    public async Task ReadAsync_SeveralCommits_SequenceOrderAndMax()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var after = await feed.LastSequenceAsync(Cancellation);
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var key = UniqueKey("ordered " + i.ToString(CultureInfo.InvariantCulture));
            keys.Add(key);
            await App.InStoreAsync(async db =>
            {
                db.Organizations.Add(NewOrganization(key));
                return await db.SaveChangesAsync(Cancellation);
            });
        }

        var all = await feed.ReadAsync(after, 100, Cancellation);
        var firstThree = await feed.ReadAsync(after, 3, Cancellation);
        var rest = await feed.ReadAsync(firstThree[^1].Sequence, 100, Cancellation);

        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(c => c.Sequence).Order(), all.Select(c => c.Sequence));
        Assert.All(all, c => Assert.True(c.Sequence > after));
        var ids = await App.InStoreAsync(db => db.Organizations.Where(o => keys.Contains(o.MatchKey)).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(Cancellation));
        Assert.Equal(ids, all.Select(c => c.EntityId));
        Assert.Equal(all.Take(3).Select(c => c.Sequence), firstThree.Select(c => c.Sequence));
        Assert.Equal(all.Skip(3).Select(c => c.Sequence), rest.Select(c => c.Sequence));
        Assert.Equal(all[^1].Sequence, await feed.LastSequenceAsync(Cancellation));
        Assert.Empty(await feed.ReadAsync(all[^1].Sequence, 100, Cancellation));
    }

    [Fact]
    public async Task WaitForChangesAsync_CommitInThisProcess_WakesPromptly()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var after = await feed.LastSequenceAsync(Cancellation);
        var key = UniqueKey("awaited");

        // The app's clock stands still, so the reader's poll never fires: only the commit signal can wake it.
        var waiting = feed.WaitForChangesAsync(after, 10, Cancellation);
        await Task.Delay(TimeSpan.FromMilliseconds(200), Cancellation);
        Assert.False(waiting.IsCompleted, "The reader returned before anything was written.");
        await App.InStoreAsync(async db =>
        {
            db.Organizations.Add(NewOrganization(key));
            return await db.SaveChangesAsync(Cancellation);
        });

        var batch = await waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        var change = Assert.Single(batch);
        Assert.Equal("organization.created", change.Kind);
        Assert.Equal(await App.InStoreAsync(db => db.Organizations.Where(o => o.MatchKey == key).Select(o => o.Id).SingleAsync(Cancellation)), change.EntityId);
    }

    [Fact]
    public async Task WaitForChangesAsync_AlreadyBehind_ReturnsAtOnce()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var after = await feed.LastSequenceAsync(Cancellation);
        await App.InStoreAsync(async db =>
        {
            db.Organizations.Add(NewOrganization(UniqueKey("behind")));
            return await db.SaveChangesAsync(Cancellation);
        });

        var batch = await feed.WaitForChangesAsync(after, 10, Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.Single(batch);
    }

    [Fact]
    public async Task WaitForChangesAsync_Cancelled_Throws()
    {
        var feed = App.Services.GetRequiredService<ChangeFeed>();
        var after = await feed.LastSequenceAsync(Cancellation);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var waiting = feed.WaitForChangesAsync(after, 10, cancel.Token);
        await cancel.CancelAsync();
        // The poll timer is due only when the clock moves; moving it lets the loop see the cancellation.
        App.Time.Advance(ChangeFeed.PollInterval);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancellation));
    }

    private static string UniqueKey(string name) => name + " " + Guid.NewGuid().ToString("N")[..12];

    private Organization NewOrganization(string key) => new()
    {
        Name = key,
        Slug = key.Replace(' ', '-'),
        MatchKey = key,
        CreatedAt = App.Time.GetUtcNow(),
        UpdatedAt = App.Time.GetUtcNow(),
    };
}
