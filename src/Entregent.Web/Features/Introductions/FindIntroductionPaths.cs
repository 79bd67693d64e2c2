using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// "Who could introduce me?": the best paths from the viewer to a member within three hops (strongest first, the first
/// proposed), each hop explained by what the two share — years at one organisation, how they met, or how long they have
/// been connected. The graph already leaves out blocked and hidden members and connections hidden from the viewer.
/// </summary>
public static class FindIntroductionPaths
{
    public const int MaxPaths = 3;

    /// <summary>Why two members on a path know each other.</summary>
    /// <param name="Kind">
    /// workedTogether or studiedTogether (at <paramref name="Organization"/>, <paramref name="FromYear"/>–<paramref name="ToYear"/>),
    /// howMet, or connectedSince (<paramref name="FromYear"/>).
    /// </param>
    public sealed record HopReason(string Kind, string? Organization, int? FromYear, int? ToYear, HowMet? HowMet);

    /// <param name="Explanation">The reason in English ("Marie worked with Paul at Acme, 2018–2021"); pages render <paramref name="Reason"/>.</param>
    public sealed record Hop(MemberCard From, MemberCard To, float Strength, HopReason Reason, string Explanation);

    /// <param name="Intermediaries">The people between the viewer and the target, nearest the viewer first.</param>
    public sealed record PathView(IReadOnlyList<MemberCard> Intermediaries, double Strength, IReadOnlyList<Hop> Hops);

    public sealed record PathsView(MemberCard Target, Degree Degree, IReadOnlyList<PathView> Paths);

    public static async Task<Outcome<PathsView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, string? handle,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var targetId = found.Value;
        if (targetId == viewerId)
        {
            return Failure.Invalid("handle", "You cannot be introduced to yourself.");
        }
        var paths = Paths(network, viewerId, targetId, MaxPaths);
        var views = await ExplainAsync(db, network, viewerId, paths, cancellationToken);
        var target = (await MemberCards.LoadAsync(db, network, viewerId, [targetId], cancellationToken))[targetId];
        return new PathsView(target, target.Degree, views);
    }

    /// <summary>
    /// Introduction paths as store ids (viewer first, target last) of two or three hops: a direct connection needs no
    /// introduction, and beyond three hops nobody knows anybody.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<long>> Paths(NetworkGraph network, long viewerId, long targetId, int maxPaths)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.TryGetDense(viewerId, out var viewer) || !network.TryGetDense(targetId, out var target))
        {
            return [];
        }
        // One more than asked: the direct connection, when there is one, takes a place and is dropped.
        return network.Graph.IntroductionPaths(viewer, target, maxPaths + 1)
            .Where(p => p.Length is 2 or 3)
            .Take(maxPaths)
            .Select(p => (IReadOnlyList<long>)p.Members.Select(network.MemberIdOf).ToList())
            .ToList();
    }

    private static async Task<List<PathView>> ExplainAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyList<IReadOnlyList<long>> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return [];
        }
        var ids = paths.SelectMany(p => p).Distinct().ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, ids, cancellationToken);
        var pairs = paths.SelectMany(p => p.Zip(p.Skip(1), (a, b) => (Math.Min(a, b), Math.Max(a, b)))).Distinct().ToList();
        var lows = pairs.Select(p => p.Item1).Distinct().ToList();
        var highs = pairs.Select(p => p.Item2).Distinct().ToList();
        var howMet = (await db.Connections.AsNoTracking().Where(c => lows.Contains(c.MemberId) && highs.Contains(c.OtherMemberId))
                .Select(c => new { c.MemberId, c.OtherMemberId, c.HowMet }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.MemberId, c.OtherMemberId), c => c.HowMet);

        var graph = network.Graph;
        var today = network.Today;
        var stints = new Dictionary<(long, long), SharedStint?>();
        foreach (var (a, b) in pairs)
        {
            stints[(a, b)] = network.TryGetDense(a, out var x) && network.TryGetDense(b, out var y)
                ? RelationshipStrength.SharedStints(graph.GetMemberships(x), graph.GetMemberships(y), today) is { Count: > 0 } shared ? shared[0] : null
                : null;
        }
        var organizationIds = stints.Values.OfType<SharedStint>().Select(s => network.OrganizationIdOf(s.Organisation)).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Kind), cancellationToken);

        var result = new List<PathView>();
        foreach (var path in paths)
        {
            if (!path.All(cards.ContainsKey))
            {
                continue;
            }
            var hops = new List<Hop>();
            var weight = 1.0;
            for (var k = 0; k + 1 < path.Count; k++)
            {
                var (from, to) = (path[k], path[k + 1]);
                var key = (Math.Min(from, to), Math.Max(from, to));
                network.TryGetDense(from, out var x);
                network.TryGetDense(to, out var y);
                var connected = graph.TryGetConnection(x, y, out var edge);
                var strength = connected ? edge.Strength : RelationshipStrength.Minimum;
                weight *= strength;
                var reason = Reason(stints.GetValueOrDefault(key), howMet.GetValueOrDefault(key), connected ? edge.CreatedAt.Year : null, network, organizations);
                hops.Add(new Hop(cards[from], cards[to], strength, reason, Explain(cards[from], cards[to], reason)));
            }
            result.Add(new PathView(path.Skip(1).SkipLast(1).Select(id => cards[id]).ToList(), weight, hops));
        }
        return result;
    }

    private static HopReason Reason(SharedStint? stint, HowMet howMet, int? connectedYear, NetworkGraph network,
        Dictionary<long, (string Name, Organizations.OrganizationKind Kind)> organizations)
    {
        if (stint is { } s && organizations.TryGetValue(network.OrganizationIdOf(s.Organisation), out var organization))
        {
            var kind = organization.Kind == Organizations.OrganizationKind.School ? "studiedTogether" : "workedTogether";
            return new HopReason(kind, organization.Name, s.From.Year, s.To.Year, null);
        }
        return howMet is not HowMet.Unstated
            ? new HopReason("howMet", null, null, null, howMet)
            : new HopReason("connectedSince", null, connectedYear, null, null);
    }

    /// <summary>"2018–2021", or "2021" for a stretch within one year.</summary>
    public static string Years(int? from, int? to) => from == to || to is null ? $"{from}" : $"{from}–{to}";

    private static string Explain(MemberCard from, MemberCard to, HopReason reason) => reason.Kind switch
    {
        "workedTogether" => $"{from.DisplayName} worked with {to.DisplayName} at {reason.Organization}, {Years(reason.FromYear, reason.ToYear)}",
        "studiedTogether" => $"{from.DisplayName} studied with {to.DisplayName} at {reason.Organization}, {Years(reason.FromYear, reason.ToYear)}",
        "howMet" => reason.HowMet switch
        {
            HowMet.Colleague => $"{from.DisplayName} and {to.DisplayName} are colleagues",
            HowMet.Classmate => $"{from.DisplayName} and {to.DisplayName} were classmates",
            HowMet.Client => $"{from.DisplayName} and {to.DisplayName} know each other as client and supplier",
            HowMet.Partner => $"{from.DisplayName} and {to.DisplayName} are partners",
            HowMet.Event => $"{from.DisplayName} and {to.DisplayName} met at an event",
            HowMet.Introduction => $"{from.DisplayName} and {to.DisplayName} met through an introduction",
            _ => $"{from.DisplayName} and {to.DisplayName} know each other",
        },
        _ => $"{from.DisplayName} and {to.DisplayName} are connected since {reason.FromYear}",
    };
}
