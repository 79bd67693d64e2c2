using System.Globalization;
using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>How an intermediary knows the person, the evidence behind "through Marie".</summary>
public enum AcquaintanceKind
{
    /// <summary>Both were at one employer (or association) at the same time.</summary>
    WorkedTogether = 0,

    /// <summary>Both were at one school at the same time.</summary>
    StudiedTogether = 1,

    /// <summary>No shared stint: how they said they met.</summary>
    HowMet = 2,

    /// <summary>Nothing else is known: since when they are connected.</summary>
    ConnectedSince = 3,
}

/// <summary>
/// Why an intermediary is placed to introduce: <see cref="Text"/> says it in English for API clients ("Marie worked with
/// Paul at Acme, 2018–2021"); the other fields let a page say it in its own language.
/// </summary>
public sealed record Acquaintance(AcquaintanceKind Kind, string Text, string? OrganizationName = null, string? OrganizationSlug = null,
    int? FromYear = null, int? ToYear = null, HowMet? HowMet = null, int? SinceYear = null);

/// <summary>One of the viewer's connections who knows the person, with the strength of the path through them.</summary>
public sealed record IntermediaryView(MemberCard Member, double Strength, Acquaintance Because);

/// <summary>A person the viewer knows at the organisation: their card (degree 1st or 2nd) and, at 2nd degree, who can introduce.</summary>
public sealed record PersonYouKnow(MemberCard Member, int Distance, double Strength, IReadOnlyList<IntermediaryView> Intermediaries);

/// <param name="Slug">The organisation's current slug (a merged-away slug answers with the survivor's).</param>
/// <param name="CurrentCount">Everyone listed in <paramref name="Current"/> (after blocks, profile reach and directory opt-outs).</param>
public sealed record PeopleYouKnowView(string Slug, string Name, int CurrentCount, IReadOnlyList<PersonYouKnow> Current,
    int FormerCount, IReadOnlyList<PersonYouKnow> Former);

/// <summary>
/// "Who do I know at X": the viewer's 1st- and 2nd-degree people currently at an organisation and, apart, those who were
/// there, nearest first then strongest, each 2nd-degree person with up to three of the viewer's connections who can
/// introduce them, strongest first, each explained.
/// </summary>
/// <remarks>
/// The graph answers who is near (<see cref="SocialGraph.ReachOrganisation"/>, <see cref="SocialGraph.Reach"/>) and already
/// applies blocks, hidden members and hidden connection lists, so an intermediary who hides their list is never revealed.
/// One query then loads the cards with what the graph does not know: profile reach (<see cref="ViewProfile.MayOpen"/>) and
/// the directory opt-out, which leaves a member out as if absent. Explanations come from the graph's dated memberships
/// (<see cref="RelationshipStrength.SharedStints"/>) and fall back to the stored "how we met", read in one batch.
/// </remarks>
public static class FindPeopleYouKnow
{
    /// <summary>Most people per list; the graph ranks them, so these are the nearest and strongest.</summary>
    public const int MaxPeople = 100;

    public const int MaxIntermediaries = 3;

    public static async Task<Outcome<PeopleYouKnowView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, string slug,
        CancellationToken cancellationToken)
    {
        var id = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        if (id is null)
        {
            return Failure.NotFound($"No organisation has the address '{slug}'.");
        }
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Slug, o.Name }).FirstAsync(cancellationToken);
        return await ForOrganizationAsync(db, network, viewerId, id.Value, organization.Slug, organization.Name, cancellationToken);
    }

    /// <summary>The same for an organisation the caller already resolved (the organisation page).</summary>
    public static async Task<PeopleYouKnowView> ForOrganizationAsync(EntregentDb db, NetworkGraph network, long viewerId, long organizationId,
        string slug, string name, CancellationToken cancellationToken)
    {
        var graph = network.Graph;
        if (!network.TryGetDense(viewerId, out var viewer) || !network.TryGetOrganisation(organizationId, out var organisation))
        {
            return new PeopleYouKnowView(slug, name, 0, [], 0, []);
        }
        // Ask the graph for more than a page: some of those it finds are left out below (reach, opt-out).
        var options = new ReachOptions { MaxDepth = 2, MaxResults = MaxPeople * 4, MaxIntermediaries = MaxIntermediaries };
        var current = graph.ReachOrganisation(viewer, organisation, options);
        var currentMembers = graph.GetCurrentMembers(organisation).ToHashSet();
        var formerMembers = graph.GetOrganisationMembers(organisation).Where(m => !currentMembers.Contains(m)).ToArray();
        var former = graph.Reach(viewer, formerMembers, options);

        var people = current.Concat(former).ToList();
        var ids = people.Select(r => network.MemberIdOf(r.Member))
            .Concat(people.SelectMany(r => r.Intermediaries).Select(network.MemberIdOf))
            .Distinct().ToList();
        var profiles = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Handle, p.DisplayName, p.Headline, p.PhotoThumbnailKey, p.Reach, p.OptedOutOfDirectory })
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        var shown = ids.Where(i => profiles.TryGetValue(i, out var p) && ViewProfile.MayOpen(network, viewerId, i, p.Reach)).ToList();
        var badges = network.Badges(viewerId, shown);
        var cards = shown.ToDictionary(i => i, i =>
        {
            var p = profiles[i];
            return new MemberCard(p.Handle, p.DisplayName, p.Headline, p.PhotoThumbnailKey is null ? null : "/media/" + p.PhotoThumbnailKey,
                badges[i].Degree, badges[i].MutualCount);
        });
        // Intermediaries are the viewer's own connections, so an opt-out does not hide them; the people found it does.
        bool Found(ReachResult r) => cards.ContainsKey(network.MemberIdOf(r.Member)) && !profiles[network.MemberIdOf(r.Member)].OptedOutOfDirectory;
        var currentFound = current.Where(Found).ToList();
        var formerFound = former.Where(Found).ToList();

        var explainer = await Explainer.LoadAsync(db, network, currentFound.Concat(formerFound).Take(MaxPeople * 2).ToList(), cards, cancellationToken);
        return new PeopleYouKnowView(slug, name,
            currentFound.Count, currentFound.Take(MaxPeople).Select(r => explainer.Person(viewer, r)).ToList(),
            formerFound.Count, formerFound.Take(MaxPeople).Select(r => explainer.Person(viewer, r)).ToList());
    }

    /// <summary>Explains each (intermediary, person) pair from memberships, then stored "how we met", then the connection's date.</summary>
    private sealed class Explainer
    {
        private readonly NetworkGraph _network;
        private readonly SocialGraph _graph;
        private readonly IReadOnlyDictionary<long, MemberCard> _cards;
        private readonly Dictionary<long, (string Name, string Slug, OrganizationKind Kind)> _organizations;
        private readonly Dictionary<(long, long), HowMet> _howMet;

        private Explainer(NetworkGraph network, IReadOnlyDictionary<long, MemberCard> cards,
            Dictionary<long, (string, string, OrganizationKind)> organizations, Dictionary<(long, long), HowMet> howMet)
        {
            _network = network;
            _graph = network.Graph;
            _cards = cards;
            _organizations = organizations;
            _howMet = howMet;
        }

        public static async Task<Explainer> LoadAsync(EntregentDb db, NetworkGraph network, IReadOnlyList<ReachResult> people,
            IReadOnlyDictionary<long, MemberCard> cards, CancellationToken cancellationToken)
        {
            var graph = network.Graph;
            var today = network.Today;
            var organisationIds = new HashSet<long>();
            var unexplainedIntermediaries = new HashSet<long>();
            var unexplainedPeople = new HashSet<long>();
            foreach (var person in people)
            {
                foreach (var intermediary in person.Intermediaries)
                {
                    var stints = RelationshipStrength.SharedStints(graph.GetMemberships(intermediary), graph.GetMemberships(person.Member), today);
                    if (stints.Count > 0)
                    {
                        organisationIds.Add(network.OrganizationIdOf(stints[0].Organisation));
                    }
                    else
                    {
                        unexplainedIntermediaries.Add(network.MemberIdOf(intermediary));
                        unexplainedPeople.Add(network.MemberIdOf(person.Member));
                    }
                }
            }
            var organizations = organisationIds.Count == 0 ? []
                : await db.Organizations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                    .Select(o => new { o.Id, o.Name, o.Slug, o.Kind })
                    .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Slug, o.Kind), cancellationToken);
            // Pairs are (intermediary, person), stored smaller id first: look up from the few intermediaries (the viewer's
            // connections) through both column indexes, not from every person found.
            var howMet = unexplainedIntermediaries.Count == 0 ? []
                : await db.Connections.AsNoTracking()
                    .Where(c => ((unexplainedIntermediaries.Contains(c.MemberId) && unexplainedPeople.Contains(c.OtherMemberId))
                            || (unexplainedIntermediaries.Contains(c.OtherMemberId) && unexplainedPeople.Contains(c.MemberId)))
                        && c.HowMet != HowMet.Unstated)
                    .Select(c => new { c.MemberId, c.OtherMemberId, c.HowMet })
                    .ToDictionaryAsync(c => (c.MemberId, c.OtherMemberId), c => c.HowMet, cancellationToken);
            return new Explainer(network, cards, organizations, howMet);
        }

        public PersonYouKnow Person(int viewer, ReachResult result)
        {
            var card = _cards[_network.MemberIdOf(result.Member)];
            var intermediaries = new List<IntermediaryView>(result.Intermediaries.Count);
            foreach (var intermediary in result.Intermediaries)
            {
                if (!_cards.TryGetValue(_network.MemberIdOf(intermediary), out var through)
                    || !_graph.TryGetConnection(viewer, intermediary, out var first)
                    || !_graph.TryGetConnection(intermediary, result.Member, out var second))
                {
                    continue;
                }
                intermediaries.Add(new IntermediaryView(through, Math.Round((double)first.Strength * second.Strength, 4),
                    Explain(through, card, intermediary, result.Member, second.CreatedAt)));
            }
            intermediaries.Sort((a, b) => b.Strength.CompareTo(a.Strength));
            return new PersonYouKnow(card, result.Distance, Math.Round(result.Strength, 4), intermediaries);
        }

        private Acquaintance Explain(MemberCard through, MemberCard person, int intermediary, int member, DateTimeOffset connectedAt)
        {
            var stints = RelationshipStrength.SharedStints(_graph.GetMemberships(intermediary), _graph.GetMemberships(member), _network.Today);
            if (stints.Count > 0 && _organizations.TryGetValue(_network.OrganizationIdOf(stints[0].Organisation), out var organization))
            {
                var (from, to) = (stints[0].From.Year, stints[0].To.Year);
                var years = from == to ? from.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{from}–{to}");
                var school = organization.Kind == OrganizationKind.School;
                return new Acquaintance(school ? AcquaintanceKind.StudiedTogether : AcquaintanceKind.WorkedTogether,
                    $"{through.DisplayName} {(school ? "studied" : "worked")} with {person.DisplayName} at {organization.Name}, {years}",
                    organization.Name, organization.Slug, from, to);
            }
            var (a, b) = (_network.MemberIdOf(intermediary), _network.MemberIdOf(member));
            if (_howMet.TryGetValue((Math.Min(a, b), Math.Max(a, b)), out var howMet) && howMet != HowMet.Other)
            {
                var how = howMet switch
                {
                    HowMet.Colleague => "as a colleague",
                    HowMet.Classmate => "as a classmate",
                    HowMet.Client => "as a client",
                    HowMet.Partner => "as a partner",
                    HowMet.Event => "from an event",
                    _ => "through an introduction",
                };
                return new Acquaintance(AcquaintanceKind.HowMet, $"{through.DisplayName} knows {person.DisplayName} {how}", HowMet: howMet);
            }
            var since = connectedAt.Year;
            return new Acquaintance(AcquaintanceKind.ConnectedSince,
                string.Create(CultureInfo.InvariantCulture, $"{through.DisplayName} has been connected to {person.DisplayName} since {since}"),
                SinceYear: since);
        }
    }
}
