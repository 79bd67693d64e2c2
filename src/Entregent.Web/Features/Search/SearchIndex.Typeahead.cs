using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entregent.Web.Features.Search;

/// <summary>What the index suggests for a few typed characters; the use case turns ids into labels.</summary>
public sealed record TypeaheadMatches(
    IReadOnlyList<PeopleMatch> Members,
    IReadOnlyList<TypeaheadMatches.Named> Organizations,
    IReadOnlyList<TypeaheadMatches.Named> Skills)
{
    /// <summary>An organisation or skill id with the number of members it has (ranks them).</summary>
    public readonly record struct Named(long Id, int MemberCount);
}

public sealed partial class SearchIndex
{
    /// <summary>Most words of a typeahead query used; more narrow nothing useful.</summary>
    public const int MaxTypeaheadWords = 6;

    /// <summary>
    /// Suggestions for a few typed characters: every word is a prefix of some word of the name (edge n-grams, one term lookup
    /// each). Members the viewer may see rank nearest first, then strongest; organisations by members, skills by members
    /// listing them. O(matches) for the members (the same visibility checks as <see cref="SearchPeople"/>), O(matching
    /// organisations and skills) for the others.
    /// </summary>
    public TypeaheadMatches Typeahead(long viewerId, string text, int members, int others)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = SearchAnalysis.Terms(SearchAnalysis.Names, text)
            .Select(w => w.Length > SearchAnalysis.MaxPrefix ? w[..SearchAnalysis.MaxPrefix] : w)
            .Distinct(StringComparer.Ordinal).Take(MaxTypeaheadWords).ToList();
        if (words.Count == 0)
        {
            return new TypeaheadMatches([], [], []);
        }
        return Search(searcher =>
        {
            var people = new PeopleCollector(this, viewerId, new PeopleQuery(), members, withFacets: false, byClosenessFirst: true);
            searcher.Search(Prefixed(Fields.MemberType, words), people);

            var organizations = new IdCollector();
            searcher.Search(Prefixed(Fields.OrganizationType, words), organizations);
            var graph = Network.Graph;
            var topOrganizations = organizations.Ids
                .Select(id => new TypeaheadMatches.Named(id, Network.TryGetOrganisation(id, out var dense) ? graph.OrganisationMemberCount(dense) : 0))
                .OrderByDescending(o => o.MemberCount).ThenBy(o => o.Id).Take(others).ToList();

            var skills = new IdCollector();
            searcher.Search(Prefixed(Fields.SkillType, words), skills);
            var reader = searcher.IndexReader;
            var topSkills = skills.Ids
                .Select(id => new TypeaheadMatches.Named(id, reader.DocFreq(new Term(Fields.SkillId, Fields.IdTerm(id)))))
                .OrderByDescending(s => s.MemberCount).ThenBy(s => s.Id).Take(others).ToList();

            return new TypeaheadMatches(people.Finish(0, members).Hits, topOrganizations, topSkills);
        });
    }

    private static BooleanQuery Prefixed(string type, IReadOnlyList<string> words)
    {
        var query = new BooleanQuery { { new TermQuery(new Term(Fields.Type, type)), Occur.MUST } };
        foreach (var word in words)
        {
            query.Add(new TermQuery(new Term(Fields.Prefix, word)), Occur.MUST);
        }
        return query;
    }

    /// <summary>Collects the ids of every match, unranked.</summary>
    private sealed class IdCollector : ICollector
    {
        private long[] _ids = [];

        public List<long> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _ids = SegmentColumns.For(context.AtomicReader, FacetFields).Ids;

        public void Collect(int doc) => Ids.Add(_ids[doc]);
    }
}
