using System.Globalization;
using Entregent.Graph;
using Entregent.Web.Features.Profiles;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entregent.Web.Features.Search;

public sealed partial class SearchIndex
{
    /// <summary>Most facet values returned per facet, by count.</summary>
    public const int FacetSize = 10;

    // Scored fields and their weights: a word in the name says more than the same word in a summary.
    private static readonly (string Field, Lucene.Net.Analysis.Analyzer Analyzer, float Boost)[] TextFields =
    [
        (Fields.Name, SearchAnalysis.Names, 4f),
        (Fields.Title, SearchAnalysis.Words, 2.5f),
        (Fields.Organization, SearchAnalysis.Names, 2f),
        (Fields.Skill, SearchAnalysis.Words, 2f),
        (Fields.Headline, SearchAnalysis.Words, 1.5f),
        (Fields.School, SearchAnalysis.Names, 1f),
        (Fields.Location, SearchAnalysis.Names, 1f),
        (Fields.Summary, SearchAnalysis.Words, 0.5f),
    ];

    private static readonly string[] FacetFields =
        [Fields.FacetOrganization, Fields.FacetSkill, Fields.FacetLocation, Fields.FacetSchool, Fields.FacetLanguage, Fields.FacetOpenTo];

    /// <summary>
    /// Members the viewer may find matching <paramref name="query"/>, ranked by text relevance combined with network distance
    /// and relationship strength (<see cref="Closeness"/>); <paramref name="skip"/>/<paramref name="take"/> page the ranking.
    /// Every match is checked for visibility (blocks, profile reach, the viewer themselves) before it is counted, in the
    /// totals and the facets alike. Cost: the text query, plus O(log d) per match for the degree and the facet ordinals.
    /// </summary>
    public PeopleMatches SearchPeople(long viewerId, PeopleQuery query, int skip, int take, bool withFacets)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var lucene = PeopleLuceneQuery(query);
        return Search(searcher =>
        {
            var collector = new PeopleCollector(this, viewerId, query, (int)Math.Min((long)skip + take, int.MaxValue / 2), withFacets, byClosenessFirst: false);
            searcher.Search(lucene, collector);
            return collector.Finish(skip, take);
        });
    }

    /// <summary>
    /// How much being close lifts a match: a text score is multiplied by 1 plus this. A 1st-degree connection gains 0.6 to
    /// 1.0 with the connection's strength, a 2nd-degree member 0.3 to 0.5 with the best path's strength, others nothing.
    /// Relevance still leads (a match twice as relevant outranks a weak connection), and at equal relevance nearer and
    /// stronger come first.
    /// </summary>
    internal static double Closeness(Degree degree, double strength) => degree switch
    {
        Degree.First => 0.6 + (0.4 * strength),
        Degree.Second => 0.3 + (0.2 * strength),
        _ => 0,
    };

    private static BooleanQuery PeopleLuceneQuery(PeopleQuery query)
    {
        var all = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Type, Fields.MemberType)), Occur.MUST },
        };
        var words = string.IsNullOrWhiteSpace(query.Text) ? [] : SearchAnalysis.Terms(SearchAnalysis.Names, query.Text);
        if (query.AnyWords && words.Count > 1)
        {
            var some = new BooleanQuery { MinimumNumberShouldMatch = (words.Count + 1) / 2 };
            foreach (var word in words)
            {
                some.Add(WordQuery(word, last: false), Occur.SHOULD);
            }
            all.Add(some, Occur.MUST);
        }
        else
        {
            for (var i = 0; i < words.Count; i++)
            {
                all.Add(WordQuery(words[i], last: i == words.Count - 1), Occur.MUST);
            }
        }
        if (words.Count > 0)
        {
            // The type clause only selects; the words score.
            all.Clauses[0].Query.Boost = 0;
        }
        AddAny(all, query.CurrentOrganizationOnly ? Fields.CurrentOrganizationId : Fields.AnyOrganizationId, query.OrganizationIds);
        AddAny(all, Fields.SchoolId, query.SchoolIds);
        foreach (var skill in query.SkillIds.Distinct())
        {
            AddFilter(all, new TermQuery(new Term(Fields.SkillId, Fields.IdTerm(skill))));
        }
        AddWords(all, Fields.CurrentTitle, SearchAnalysis.Words, query.Title);
        AddWords(all, Fields.Location, SearchAnalysis.Names, query.Location);
        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            AddFilter(all, new TermQuery(new Term(Fields.Language, SearchAnalysis.Key(query.Language))));
        }
        foreach (var flag in Enum.GetValues<OpenTo>())
        {
            if (flag != OpenTo.None && query.OpenTo.HasFlag(flag))
            {
                AddFilter(all, new TermQuery(new Term(Fields.OpenTo, flag.ToString())));
            }
        }
        if (!string.IsNullOrWhiteSpace(query.GivenName))
        {
            AddFilter(all, new TermQuery(new Term(Fields.GivenName, SearchAnalysis.Key(query.GivenName))));
        }
        return all;
    }

    /// <summary>
    /// One typed word: it must appear in some field, analysed as that field is; the best field counts (a small tie-breaker
    /// rewards a word found in several). The last word also matches as a name prefix, for people typing.
    /// </summary>
    private static DisjunctionMaxQuery WordQuery(string word, bool last)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, analyzer, boost) in TextFields)
        {
            var terms = SearchAnalysis.Terms(analyzer, word);
            if (terms.Count == 0)
            {
                continue;
            }
            Query clause;
            if (terms.Count == 1)
            {
                clause = new TermQuery(new Term(field, terms[0]));
            }
            else
            {
                var together = new BooleanQuery();
                foreach (var term in terms)
                {
                    together.Add(new TermQuery(new Term(field, term)), Occur.MUST);
                }
                clause = together;
            }
            clause.Boost = boost;
            any.Add(clause);
        }
        if (last)
        {
            any.Add(new TermQuery(new Term(Fields.Prefix, word.Length > SearchAnalysis.MaxPrefix ? word[..SearchAnalysis.MaxPrefix] : word)) { Boost = 1f });
        }
        return any;
    }

    private static void AddAny(BooleanQuery all, string field, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var any = new BooleanQuery();
        foreach (var id in ids.Distinct())
        {
            any.Add(new TermQuery(new Term(field, Fields.IdTerm(id))), Occur.SHOULD);
        }
        AddFilter(all, any);
    }

    private static void AddWords(BooleanQuery all, string field, Lucene.Net.Analysis.Analyzer analyzer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var term in SearchAnalysis.Terms(analyzer, text))
        {
            AddFilter(all, new TermQuery(new Term(field, term)));
        }
    }

    // A filter selects without scoring: a constant score of zero leaves the ranking to the words and the network.
    private static void AddFilter(BooleanQuery all, Query filter) => all.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);

    /// <summary>
    /// Visits every text and filter match once: drops what the viewer may not see, classifies the rest by degree, counts
    /// facets, and keeps the best <c>keep</c> by combined score in a bounded heap.
    /// </summary>
    private sealed class PeopleCollector : ICollector
    {
        // 2nd-degree matches near the cut get their best path strength computed (O(d) each) before the final order.
        private const int Refine = 50;

        private readonly SearchIndex _index;
        private readonly long _viewerId;
        private readonly int _viewer;
        private readonly SocialGraph _graph;
        private readonly ViewerCircles _circles;
        private readonly bool _viewerHasBlocks;
        private readonly PeopleQuery _query;
        private readonly int _keep;
        private readonly bool _withFacets;
        private readonly bool _byClosenessFirst;
        private readonly PriorityQueue<Candidate, Candidate> _best;
        private readonly int[] _degreeCounts = new int[4];
        private readonly Dictionary<string, int>[] _facetCounts;
        private readonly int[][] _segmentCounts;
        private SegmentColumns? _columns;
        private Scorer? _scorer;
        private int _total;

        public PeopleCollector(SearchIndex index, long viewerId, PeopleQuery query, int keep, bool withFacets, bool byClosenessFirst)
        {
            _index = index;
            _viewerId = viewerId;
            _graph = index.Network.Graph;
            _viewer = index.Network.TryGetDense(viewerId, out var viewer) ? viewer : -1;
            _circles = _viewer >= 0 ? _graph.Circles(_viewer) : default;
            _viewerHasBlocks = _viewer >= 0 && _graph.HasBlocks(_viewer);
            _query = query;
            _keep = keep + Refine;
            _withFacets = withFacets;
            _byClosenessFirst = byClosenessFirst;
            _best = new PriorityQueue<Candidate, Candidate>(Math.Min(_keep, 1024) + 1, Candidate.WorstFirst);
            _facetCounts = [.. FacetFields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
            _segmentCounts = new int[FacetFields.Length][];
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            FlushSegmentFacets();
            _columns = SegmentColumns.For(context.AtomicReader, FacetFields);
            if (_withFacets)
            {
                for (var f = 0; f < FacetFields.Length; f++)
                {
                    _segmentCounts[f] = new int[_columns.Facets[f].Values.Length];
                }
            }
        }

        public void Collect(int doc)
        {
            var memberId = _columns!.Ids[doc];
            if (memberId == _viewerId)
            {
                return;
            }
            var member = _index.Network.TryGetDense(memberId, out var dense) ? dense : -1;
            if (_viewerHasBlocks && member >= 0 && _graph.IsBlocked(_viewer, member))
            {
                return;
            }
            var degree = member >= 0 ? _circles.Classify(member) : Degree.None;
            var reach = (ProfileReach)_columns.Reaches[doc];
            if (degree == Degree.None && member >= 0 && _viewer >= 0 && (reach == ProfileReach.WithinThreeDegrees || _query.MaxDistance is not null))
            {
                // Only matches outside the cached circles pay for the 3rd-degree test, and only when it decides something.
                degree = _graph.Degree(_viewer, member);
            }
            if (reach == ProfileReach.WithinThreeDegrees && degree == Degree.None)
            {
                return;
            }
            if (reach == ProfileReach.Colleagues && !_index.Network.AreColleagues(_viewerId, memberId))
            {
                return;
            }
            if (_query.MaxDistance is { } maxDistance && (degree == Degree.None || (int)degree > maxDistance))
            {
                return;
            }
            var bucket = degree switch
            {
                Degree.First => DegreeFilter.First,
                Degree.Second => DegreeFilter.Second,
                _ => DegreeFilter.ThirdOrBeyond,
            };
            _degreeCounts[(int)degree]++;
            if (_query.Degrees != DegreeFilter.Any && (_query.Degrees & bucket) == 0)
            {
                return;
            }
            _total++;
            if (_withFacets)
            {
                CountFacets(doc);
            }
            var strength = degree == Degree.First && _graph.TryGetConnection(_viewer, member, out var connection) ? connection.Strength : 0;
            var text = _scorer!.GetScore();
            var candidate = new Candidate(memberId, member, degree, text, strength, Score(text, degree, strength));
            if (_best.Count < _keep)
            {
                _best.Enqueue(candidate, candidate);
            }
            else if (Candidate.WorstFirst.Compare(candidate, _best.Peek()) > 0)
            {
                _best.EnqueueDequeue(candidate, candidate);
            }
        }

        private double Score(float text, Degree degree, double strength) =>
            _byClosenessFirst
                // Typeahead: nearest first, then strongest, then the best text match.
                ? ((4 - (degree == Degree.None ? 4 : (int)degree)) * 10) + (strength * 5) + Math.Min(text, 4.99)
                : text * (1 + Closeness(degree, strength));

        private void CountFacets(int doc)
        {
            for (var f = 0; f < FacetFields.Length; f++)
            {
                var column = _columns!.Facets[f];
                var counts = _segmentCounts[f];
                for (var i = column.Starts[doc]; i < column.Starts[doc + 1]; i++)
                {
                    counts[column.Ordinals[i]]++;
                }
            }
        }

        // Ordinals are per segment: their counts are turned into values when the collector moves on.
        private void FlushSegmentFacets()
        {
            if (!_withFacets || _columns is null)
            {
                return;
            }
            for (var f = 0; f < FacetFields.Length; f++)
            {
                var counts = _segmentCounts[f];
                var values = _columns.Facets[f].Values;
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] > 0)
                    {
                        _facetCounts[f][values[ord]] = _facetCounts[f].GetValueOrDefault(values[ord]) + counts[ord];
                    }
                }
                _segmentCounts[f] = [];
            }
        }

        public PeopleMatches Finish(int skip, int take)
        {
            FlushSegmentFacets();
            var kept = new List<Candidate>(_best.Count);
            while (_best.TryDequeue(out var candidate, out _))
            {
                kept.Add(candidate);
            }
            // The heap ranked 2nd-degree matches at their base lift; the ones that may reach the page get their best path's
            // strength now, which can only raise them.
            for (var i = 0; i < kept.Count; i++)
            {
                var candidate = kept[i];
                if (candidate.Degree == Degree.Second)
                {
                    var mutual = _graph.MutualConnections(_viewer, candidate.Dense, maxResults: 1);
                    if (mutual.Count > 0)
                    {
                        kept[i] = candidate with { Strength = mutual[0].Score, Combined = Score(candidate.Text, Degree.Second, mutual[0].Score) };
                    }
                }
            }
            kept.Sort(Candidate.BestFirst);
            var hits = kept.Skip(skip).Take(take).Select(c => new PeopleMatch(c.MemberId, c.Degree, c.Combined)).ToList();
            return new PeopleMatches(_total, hits, _withFacets ? Facets() : null);
        }

        private PeopleFacets Facets()
        {
            IReadOnlyList<FacetCount> Top(int f) => [.. _facetCounts[f]
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(FacetSize)
                .Select(e => new FacetCount(e.Key, e.Key, e.Value))];
            IReadOnlyList<FacetCount> degrees =
            [
                new("1", "1st", _degreeCounts[(int)Degree.First]),
                new("2", "2nd", _degreeCounts[(int)Degree.Second]),
                new("3", "3rd+", _degreeCounts[(int)Degree.Third] + _degreeCounts[(int)Degree.None]),
            ];
            return new PeopleFacets(degrees, Top(0), Top(1), Top(2), Top(3), Top(4), Top(5));
        }
    }

    private readonly record struct Candidate(long MemberId, int Dense, Degree Degree, float Text, double Strength, double Combined)
    {
        /// <summary>Best first: higher combined score, then nearer, then lower id (a stable order for paging).</summary>
        public static readonly Comparer<Candidate> BestFirst = Comparer<Candidate>.Create((a, b) =>
        {
            var byScore = b.Combined.CompareTo(a.Combined);
            if (byScore != 0)
            {
                return byScore;
            }
            var byDegree = Rank(a.Degree).CompareTo(Rank(b.Degree));
            return byDegree != 0 ? byDegree : a.MemberId.CompareTo(b.MemberId);
        });

        /// <summary>The heap's order: the root is the worst kept candidate.</summary>
        public static readonly Comparer<Candidate> WorstFirst = Comparer<Candidate>.Create((a, b) => BestFirst.Compare(b, a));

        private static int Rank(Degree degree) => degree == Degree.None ? 4 : (int)degree;
    }
}
