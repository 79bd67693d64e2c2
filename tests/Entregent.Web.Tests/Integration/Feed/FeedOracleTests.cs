using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Network;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Integration.Feed;

/// <summary>
/// The feed index against a naive oracle: on a random network (connections, blocks, limited reach, follows of members,
/// organisations and hashtags, groups of every kind with members in every state, posts of every audience and state),
/// every member's whole feed, paged, equals a LINQ query over the store filtered with <see cref="PostAccess"/>.
/// </summary>
public class FeedOracleTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WholeFeed_RandomNetwork_EqualsTheOracle(int seed)
    {
        var random = new Random(seed);
        var members = new List<Member>();
        var ids = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            members.Add(await RegisterMemberAsync($"Oracle {seed}-{i}"));
            ids.Add(await MemberIdAsync(members[^1]));
        }
        var now = App.Time.GetUtcNow();
        long Pick() => ids[random.Next(ids.Count)];

        var pairs = new HashSet<(long, long)>();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                if (random.NextDouble() < 0.35)
                {
                    await App.ConnectInStoreAsync(ids[i], ids[j]);
                }
            }
        }
        for (var k = 0; k < 2; k++)
        {
            var (a, b) = (Pick(), Pick());
            if (a != b && pairs.Add((a, b)))
            {
                await App.BlockInStoreAsync(a, b);
            }
        }
        await App.InStoreAsync(async db =>
        {
            (await db.Profiles.SingleAsync(p => p.MemberId == ids[0], Cancellation)).Reach = ProfileReach.WithinThreeDegrees;
            (await db.Profiles.SingleAsync(p => p.MemberId == ids[1], Cancellation)).Reach = ProfileReach.Colleagues;
            return await db.SaveChangesAsync(Cancellation);
        });

        var organizations = new[] { (await App.CreateOrganizationInStoreAsync(name: MemberActions.UniqueName("Oracle A"), cancellationToken: TestContext.Current.CancellationToken)).Id, (await App.CreateOrganizationInStoreAsync(name: MemberActions.UniqueName("Oracle B"), cancellationToken: TestContext.Current.CancellationToken)).Id };
        string[] tags = ["alpha", "beta", "gamma"];
        var follows = new HashSet<(long, long)>();
        foreach (var follower in ids)
        {
            foreach (var followed in ids.Where(f => f != follower && random.NextDouble() < 0.2 && follows.Add((follower, f))))
            {
                await App.FollowInStoreAsync(follower, memberId: followed);
            }
            foreach (var organization in organizations.Where(_ => random.NextDouble() < 0.3))
            {
                await App.FollowInStoreAsync(follower, organizationId: organization);
            }
            foreach (var tag in tags.Where(_ => random.NextDouble() < 0.3))
            {
                await App.FollowHashtagInStoreAsync(follower, tag);
            }
            if (random.NextDouble() < 0.3)
            {
                await App.VerifyInStoreAsync(members[ids.IndexOf(follower)], organizations[0], Cancellation);
            }
        }

        var groups = new List<long>();
        foreach (var (kind, isInternal) in new[] { (GroupKind.Public, false), (GroupKind.Private, false), (GroupKind.Unlisted, false), (GroupKind.Private, true) })
        {
            var slug = await App.CreateGroupInStoreAsync(members[random.Next(members.Count)], kind, organizationId: isInternal ? organizations[0] : null,
                isInternal: isInternal, cancellationToken: Cancellation);
            var groupId = await App.GroupIdAsync(slug);
            groups.Add(groupId);
            var ownerId = await App.InStoreAsync(db => db.GroupMemberships.Where(m => m.GroupId == groupId).Select(m => m.MemberId).SingleAsync(Cancellation));
            foreach (var member in ids.Where(m => m != ownerId && random.NextDouble() < 0.6))
            {
                var state = random.Next(6) switch
                {
                    0 => GroupMembershipState.Requested,
                    1 => GroupMembershipState.Invited,
                    2 => GroupMembershipState.Banned,
                    _ => GroupMembershipState.Member,
                };
                await App.SetMembershipInStoreAsync(groupId, member, state, random.Next(4) == 0 ? GroupRole.Manager : GroupRole.Member);
            }
        }

        for (var i = 0; i < 90; i++)
        {
            var inGroup = random.NextDouble() < 0.3;
            var roll = random.NextDouble();
            await App.CreateFeedPostInStoreAsync(Pick(), $"Post {i}",
                random.NextDouble() < 0.4 ? PostAudience.Connections : PostAudience.Public,
                inGroup ? groups[random.Next(groups.Count)] : null,
                tags.Where(_ => random.NextDouble() < 0.25).ToList(),
                !inGroup && random.NextDouble() < 0.15 ? organizations[random.Next(organizations.Length)] : null,
                roll < 0.1 ? PostState.Pending : roll < 0.15 ? PostState.Removed : PostState.Published,
                now.AddMinutes(-random.Next(60)));
        }
        // A few deleted, to check deletions too.
        var doomed = await App.InStoreAsync(db => db.Posts.OrderBy(p => p.Id).Select(p => p.Id).Take(5).ToListAsync(Cancellation));
        foreach (var id in doomed)
        {
            await App.DeletePostInStoreAsync(id);
        }
        await WaitForFeedAsync();

        for (var v = 0; v < members.Count; v++)
        {
            var expected = await OracleAsync(ids[v]);
            var actual = await members[v].WholeFeedAsync(random.Next(3, 9), Cancellation);
            Assert.Equal(expected, actual);
        }
    }

    private async Task<IReadOnlyList<long>> OracleAsync(long viewerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
        var network = App.Services.GetRequiredService<NetworkGraph>();
        var groupViewer = await GroupViewer.LoadAsync(db, viewerId, Cancellation);
        var viewer = new PostViewer(viewerId, network, groupViewer);
        var connected = (await db.Connections.Where(c => c.MemberId == viewerId || c.OtherMemberId == viewerId)
            .Select(c => c.MemberId == viewerId ? c.OtherMemberId : c.MemberId).ToListAsync(Cancellation)).ToHashSet();
        var followedMembers = (await db.Follows.Where(f => f.FollowerId == viewerId && f.FollowedMemberId != null)
            .Select(f => f.FollowedMemberId!.Value).ToListAsync(Cancellation)).ToHashSet();
        var followedOrganizations = (await db.Follows.Where(f => f.FollowerId == viewerId && f.FollowedOrganizationId != null)
            .Select(f => f.FollowedOrganizationId!.Value).ToListAsync(Cancellation)).ToHashSet();
        var followedTags = (await db.HashtagFollows.Where(f => f.MemberId == viewerId).Select(f => f.Tag).ToListAsync(Cancellation)).ToHashSet();
        var joined = (await db.GroupMemberships.Where(m => m.MemberId == viewerId && m.State == GroupMembershipState.Member)
            .Select(m => m.GroupId).ToListAsync(Cancellation)).ToHashSet();
        var posts = await db.Posts.Select(p => new { p.Id, p.AuthorId, p.GroupId, p.OrganizationId, p.Audience, p.State, p.CreatedAt }).ToListAsync(Cancellation);
        var postTags = (await db.PostHashtags.Select(h => new { h.PostId, h.Tag }).ToListAsync(Cancellation)).ToLookup(h => h.PostId, h => h.Tag);
        var reach = await db.Profiles.ToDictionaryAsync(p => p.MemberId, p => p.Reach, Cancellation);
        var groupFacts = await db.Groups.ToDictionaryAsync(g => g.Id, g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal), Cancellation);

        return posts
            .Where(p => p.State == PostState.Published)
            .Where(p => p.AuthorId == viewerId
                || (p.GroupId is { } g ? joined.Contains(g)
                    : connected.Contains(p.AuthorId) || followedMembers.Contains(p.AuthorId)
                      || (p.OrganizationId is { } o && followedOrganizations.Contains(o)) || postTags[p.Id].Any(followedTags.Contains)))
            .Where(p => PostAccess.CanRead(new PostFacts(p.AuthorId, p.Audience, p.State, p.GroupId, reach.GetValueOrDefault(p.AuthorId)),
                p.GroupId is { } g ? groupFacts[g] : null, viewer))
            .OrderByDescending(p => p.CreatedAt.UtcTicks).ThenByDescending(p => p.Id)
            .Select(p => p.Id).ToList();
    }
}
