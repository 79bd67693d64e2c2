using System.Diagnostics;
using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Network;

/// <summary>
/// Builds <see cref="NetworkGraph"/> from the store before the app serves requests, then follows the change feed
/// into it. Each change is applied by re-reading the current state of what it names (a pair's connection and
/// blocks, a member's memberships or privacy), never by replaying the event: applying a change twice, or after
/// a build that already saw it, is harmless, so the graph always converges to the store.
/// </summary>
public sealed class NetworkGraphFollower(
    NetworkGraph network, ChangeFeed feed, IServiceScopeFactory scopes, ILogger<NetworkGraphFollower> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private long _after;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The feed position is taken before reading, so whatever commits during the build is replayed after it.
        _after = await feed.LastSequenceAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
            var graph = await NetworkGraphLoader.BuildAsync(db, network, logger, cancellationToken);
            network.Replace(graph, _after);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await feed.WaitForChangesAsync(_after, BatchSize, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await ApplyAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(), network, batch, stoppingToken);
                _after = batch[^1].Sequence;
                network.MarkApplied(_after);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing store must not end the follower: log, wait, carry on from the same sequence.
                logger.LogWarning(exception, "Following the change feed into the graph index failed at sequence {Sequence}; retrying.", _after);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Brings the graph up to date with the store for everything <paramref name="changes"/> names.</summary>
    internal static async Task ApplyAsync(EntregentDb db, NetworkGraph network, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(long, long)>();
        var careers = new HashSet<long>();
        var profiles = new HashSet<long>();
        var added = new HashSet<long>();
        var removed = new HashSet<long>();
        foreach (var change in changes)
        {
            var noun = change.Kind[..Math.Max(0, change.Kind.IndexOf('.', StringComparison.Ordinal))];
            switch (noun)
            {
                // Recommendations and endorsements change the pair's strength: re-read the pair like a connection.
                case "connection" or "block" or "recommendation" or "endorsement" when change.MemberId is { } a && change.RelatedId is { } b:
                    pairs.Add((Math.Min(a, b), Math.Max(a, b)));
                    break;
                // Organisation merges move positions with bulk updates that record position.updated rows themselves.
                case "position" or "education" when change.MemberId is { } m:
                    careers.Add(m);
                    break;
                case "profile" when change.MemberId is { } m:
                    profiles.Add(m);
                    break;
                case "member" when change.MemberId is { } m:
                    (change.Kind.EndsWith(".deleted", StringComparison.Ordinal) ? removed : added).Add(m);
                    break;
            }
        }

        var graph = network.Graph;
        var first = new List<GraphChange>();
        foreach (var member in added.Concat(profiles))
        {
            first.Add(GraphChange.AddMember(network.DenseMember(member)));
        }
        foreach (var member in removed)
        {
            if (network.TryGetDense(member, out var dense))
            {
                first.AddRange(graph.GetConnections(dense).Select(c => GraphChange.Disconnect(dense, c.Member)));
                first.AddRange(graph.GetMemberships(dense).Select(m => m.Organisation).Distinct().Select(o => GraphChange.RemoveMembership(dense, o)));
                first.Add(GraphChange.Hide(dense));
            }
        }

        if (careers.Count > 0)
        {
            var memberships = await NetworkGraphLoader.MembershipsAsync(db, network, careers, cancellationToken);
            foreach (var member in careers)
            {
                var dense = network.DenseMember(member);
                first.Add(GraphChange.AddMember(dense));
                first.AddRange(graph.GetMemberships(dense).Select(m => m.Organisation).Distinct().Select(o => GraphChange.RemoveMembership(dense, o)));
                if (memberships.TryGetValue(dense, out var list))
                {
                    first.AddRange(list.Select(m => GraphChange.AddMembership(dense, m.Organisation, m.Start, m.End)));
                }
            }
        }

        if (profiles.Count > 0)
        {
            var hiding = await db.Profiles.AsNoTracking().Where(p => profiles.Contains(p.MemberId))
                .Select(p => new { p.MemberId, p.HideConnections }).ToListAsync(cancellationToken);
            foreach (var profile in hiding)
            {
                var dense = network.DenseMember(profile.MemberId);
                first.Add(profile.HideConnections ? GraphChange.HideConnectionList(dense) : GraphChange.ShowConnectionList(dense));
            }
        }
        if (first.Count > 0)
        {
            graph.Apply(first);
        }

        // Second batch: connections, blocks and strengths, computed on the memberships just applied.
        var second = new List<GraphChange>();
        if (pairs.Count > 0)
        {
            var lows = pairs.Select(p => p.Item1).Distinct().ToList();
            var highs = pairs.Select(p => p.Item2).Distinct().ToList();
            var connections = (await db.Connections.AsNoTracking()
                    .Where(c => lows.Contains(c.MemberId) && highs.Contains(c.OtherMemberId))
                    .Select(c => new { c.MemberId, c.OtherMemberId, c.CreatedAt, c.HowMet }).ToListAsync(cancellationToken))
                .Where(c => pairs.Contains((c.MemberId, c.OtherMemberId)))
                .ToDictionary(c => (c.MemberId, c.OtherMemberId));
            var members = lows.Concat(highs).Distinct().ToList();
            var activities = await NetworkGraphLoader.ActivitiesAsync(db, members, cancellationToken);
            var blocks = (await db.Blocks.AsNoTracking()
                    .Where(b => members.Contains(b.BlockerId) && members.Contains(b.BlockedId))
                    .Select(b => new { b.BlockerId, b.BlockedId }).ToListAsync(cancellationToken))
                .Select(b => (Math.Min(b.BlockerId, b.BlockedId), Math.Max(b.BlockerId, b.BlockedId)))
                .ToHashSet();
            foreach (var (low, high) in pairs)
            {
                var a = network.DenseMember(low);
                var b = network.DenseMember(high);
                second.Add(GraphChange.AddMember(Math.Max(a, b)));
                if (connections.TryGetValue((low, high), out var connection))
                {
                    var strength = RelationshipStrength.Compute(connection.HowMet, graph.GetMemberships(a), graph.GetMemberships(b), network.Today,
                        activities.GetValueOrDefault((low, high)));
                    second.Add(GraphChange.Connect(a, b, strength, connection.CreatedAt));
                }
                else
                {
                    second.Add(GraphChange.Disconnect(a, b));
                }
                second.Add(blocks.Contains((low, high)) ? GraphChange.Block(a, b) : GraphChange.Unblock(a, b));
            }
        }
        if (careers.Count > 0)
        {
            // A member's career changed: so did the strength of each of their connections.
            var ids = careers.ToList();
            var touched = await db.Connections.AsNoTracking()
                .Where(c => ids.Contains(c.MemberId) || ids.Contains(c.OtherMemberId))
                .Select(c => new { c.MemberId, c.OtherMemberId, c.HowMet }).ToListAsync(cancellationToken);
            var activities = await NetworkGraphLoader.ActivitiesAsync(db, ids, cancellationToken);
            foreach (var c in touched)
            {
                if (network.TryGetDense(c.MemberId, out var a) && network.TryGetDense(c.OtherMemberId, out var b))
                {
                    second.Add(GraphChange.SetStrength(a, b, RelationshipStrength.Compute(c.HowMet, graph.GetMemberships(a), graph.GetMemberships(b),
                        network.Today, activities.GetValueOrDefault(NetworkGraphLoader.Pair(c.MemberId, c.OtherMemberId)))));
                }
            }
        }
        if (second.Count > 0)
        {
            graph.Apply(second);
        }
    }
}

/// <summary>Reads the whole network from the store into a new <see cref="SocialGraph"/>.</summary>
internal static class NetworkGraphLoader
{
    private const int ProgressEvery = 1_000_000;

    public static async Task<SocialGraph> BuildAsync(EntregentDb db, NetworkGraph network, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        logger.LogInformation("Building the graph index from the store…");
        var builder = new GraphBuilder();
        await foreach (var id in db.Users.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.AddMember(network.DenseMember(id));
        }
        var memberships = await MembershipsAsync(db, network, null, cancellationToken);
        var membershipCount = 0;
        foreach (var (member, list) in memberships)
        {
            foreach (var m in list)
            {
                builder.AddMembership(member, m.Organisation, m.Start, m.End);
                membershipCount++;
            }
        }
        logger.LogInformation("Graph index: {Members:N0} members and {Memberships:N0} memberships read; reading connections…",
            network.MemberCountHint, membershipCount);

        var today = network.Today;
        var activities = await ActivitiesAsync(db, null, cancellationToken);
        var connections = 0L;
        await foreach (var c in db.Connections.AsNoTracking().Select(c => new { c.MemberId, c.OtherMemberId, c.CreatedAt, c.HowMet })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var a = network.DenseMember(c.MemberId);
            var b = network.DenseMember(c.OtherMemberId);
            var strength = RelationshipStrength.Compute(c.HowMet,
                memberships.TryGetValue(a, out var ma) ? ma : [], memberships.TryGetValue(b, out var mb) ? mb : [], today,
                activities.GetValueOrDefault(Pair(c.MemberId, c.OtherMemberId)));
            builder.AddConnection(a, b, strength, c.CreatedAt);
            if (++connections % ProgressEvery == 0)
            {
                logger.LogInformation("Graph index: {Connections:N0} connections read ({Seconds:N1} s)", connections, clock.Elapsed.TotalSeconds);
            }
        }
        await foreach (var b in db.Blocks.AsNoTracking().Select(b => new { b.BlockerId, b.BlockedId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.AddBlock(network.DenseMember(b.BlockerId), network.DenseMember(b.BlockedId));
        }
        await foreach (var id in db.Profiles.AsNoTracking().Where(p => p.HideConnections).Select(p => p.MemberId)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.AddConnectionListHidden(network.DenseMember(id));
        }
        var graph = builder.Build(new SocialGraphOptions { TimeProvider = network.Time });
        logger.LogInformation("Graph index built: {Members:N0} members, {Connections:N0} connections, {Memberships:N0} memberships in {Seconds:N1} s.",
            graph.MemberCount, graph.ConnectionCount, membershipCount, clock.Elapsed.TotalSeconds);
        return graph;
    }

    /// <summary>A pair of member ids in order: the key of <see cref="ActivitiesAsync"/>.</summary>
    public static (long Low, long High) Pair(long a, long b) => (Math.Min(a, b), Math.Max(a, b));

    /// <summary>
    /// What pairs did for each other (<see cref="PairActivity"/>), for pairs where either member is one of
    /// <paramref name="members"/>, or for everyone; pairs with no activity are absent. Three queries in all, each reading
    /// distinct (author, recipient) pairs, never one per connection. Every endorsement row counts, including those of
    /// a skill the member no longer lists: the endorser vouched all the same, and the strength does not change with
    /// a skill list's edits.
    /// </summary>
    public static async Task<Dictionary<(long Low, long High), PairActivity>> ActivitiesAsync(
        EntregentDb db, IReadOnlyCollection<long>? members, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(long Low, long High), PairActivity>();
        // Hidden ones count for nothing: the recipient chose not to stand by them.
        var recommendations = db.Recommendations.AsNoTracking().Where(r => r.Status == RecommendationStatus.Approved);
        var endorsements = db.Endorsements.AsNoTracking();
        var correspondence = db.Correspondence.AsNoTracking();
        if (members is not null)
        {
            correspondence = correspondence.Where(c => members.Contains(c.FromId) || members.Contains(c.ToId));
            recommendations = recommendations.Where(r => members.Contains(r.AuthorId) || members.Contains(r.RecipientId));
            endorsements = endorsements.Where(e => members.Contains(e.EndorserId) || members.Contains(e.MemberId));
        }
        await foreach (var r in recommendations.Select(r => new { From = r.AuthorId, To = r.RecipientId }).Distinct()
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var pair = Pair(r.From, r.To);
            var activity = result.GetValueOrDefault(pair);
            result[pair] = r.From == pair.Low ? activity with { RecommendedByLow = true } : activity with { RecommendedByHigh = true };
        }
        await foreach (var e in endorsements.Select(e => new { From = e.EndorserId, To = e.MemberId }).Distinct()
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var pair = Pair(e.From, e.To);
            var activity = result.GetValueOrDefault(pair);
            result[pair] = e.From == pair.Low ? activity with { EndorsedByLow = true } : activity with { EndorsedByHigh = true };
        }
        // Messages: only pairs that wrote both ways matter, but each direction is a row of its own; read them all, tiny.
        await foreach (var c in correspondence.Select(c => new { c.FromId, c.ToId, c.MessageCount })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var pair = Pair(c.FromId, c.ToId);
            var activity = result.GetValueOrDefault(pair);
            result[pair] = c.FromId == pair.Low ? activity with { MessagesByLow = c.MessageCount } : activity with { MessagesByHigh = c.MessageCount };
        }
        return result;
    }

    /// <summary>
    /// Organisation memberships (positions and schooling) of the given members, or of everyone, by dense member id.
    /// A position runs from the first day of its start month to the last day of its end month; schooling from
    /// September of its start year to June of its end year.
    /// </summary>
    public static async Task<Dictionary<int, List<OrganisationMembership>>> MembershipsAsync(
        EntregentDb db, NetworkGraph network, IReadOnlyCollection<long>? members, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<OrganisationMembership>>();
        var positions = db.Positions.AsNoTracking();
        var education = db.Education.AsNoTracking();
        if (members is not null)
        {
            positions = positions.Where(p => members.Contains(p.MemberId));
            education = education.Where(e => members.Contains(e.MemberId));
        }
        await foreach (var p in positions.Select(p => new { p.MemberId, p.OrganizationId, p.StartMonth, p.EndMonth })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Add(network.DenseMember(p.MemberId),
                new(network.DenseOrganisation(p.OrganizationId), p.StartMonth, p.EndMonth?.AddMonths(1).AddDays(-1)));
        }
        await foreach (var e in education.Where(e => e.StartYear != null || e.EndYear != null)
                           .Select(e => new { e.MemberId, e.OrganizationId, e.StartYear, e.EndYear })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var start = e.StartYear ?? (e.EndYear!.Value - 1);
            var end = e.EndYear ?? start + 1;
            Add(network.DenseMember(e.MemberId),
                new(network.DenseOrganisation(e.OrganizationId), new DateOnly(start, 9, 1), new DateOnly(Math.Max(end, start + 1), 6, 30)));
        }
        return result;

        void Add(int member, OrganisationMembership membership)
        {
            if (!result.TryGetValue(member, out var list))
            {
                result[member] = list = [];
            }
            list.Add(membership);
        }
    }
}
