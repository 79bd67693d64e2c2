using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Entregent.Web.Features.Search;

/// <summary>A post found: its id, text score, and creation time (ticks) for the tie-break.</summary>
public readonly record struct ContentMatch(long Id, float Score, long Order);

/// <summary>The page asked for, and how many matches the viewer may see in all.</summary>
public sealed record ContentMatches(int Total, IReadOnlyList<ContentMatch> Hits);

/// <summary>
/// Keywords as a watch holds them: words and "quoted phrases", any of which matches; exclusions, any of which rules a
/// match out. Parsed once by <see cref="Parse"/>, analysed per field when the query is built.
/// </summary>
public sealed record KeywordQuery(IReadOnlyList<string> AnyOf, IReadOnlyList<string> NoneOf)
{
    /// <summary>Splits "cloud \"énergie verte\" lyon" into cloud, énergie verte, lyon (phrases keep their words together).</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }
        var quoted = text.Split('"');
        for (var i = 0; i < quoted.Length; i++)
        {
            if (i % 2 == 1)
            {
                if (!string.IsNullOrWhiteSpace(quoted[i]))
                {
                    parts.Add(quoted[i].Trim());
                }
            }
            else
            {
                parts.AddRange(quoted[i].Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        return parts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// <summary>Posts and groups in the index (issue 6): full-text search and the watches' matching, visibility per match.</summary>
public sealed partial class SearchIndex
{
    private static readonly (string Field, float Boost)[] PostFields = [(Fields.PostTitle, 2f), (Fields.PostBody, 1f)];
    private static readonly (string Field, float Boost)[] GroupFields = [(Fields.GroupName, 3f), (Fields.GroupDescription, 1f)];

    /// <summary>
    /// Published posts matching every word of <paramref name="text"/> (and carrying <paramref name="hashtag"/>, folded, when given)
    /// that <paramref name="viewer"/> may read (<see cref="PostAccess.CanRead"/>, asked for every match before it is
    /// counted), by relevance, ties newest first.
    /// </summary>
    public ContentMatches SearchPosts(PostViewer viewer, string? text, string? hashtag, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var query = new BooleanQuery { { new TermQuery(new Term(Fields.Type, Fields.PostType)) { Boost = 0 }, Occur.MUST } };
        AddAllWords(query, text, PostFields);
        if (!string.IsNullOrWhiteSpace(hashtag))
        {
            AddFilter(query, new TermQuery(new Term(Fields.Hashtag, hashtag)));
        }
        return Search(searcher =>
        {
            var collector = new ContentCollector(skip + take, (reader, doc) => CanReadPost(reader, doc, viewer), ContentOrder.Newest);
            searcher.Search(query, collector);
            return collector.Finish(skip, take);
        });
    }

    /// <summary>Groups matching every word of <paramref name="text"/> that the viewer may know exist (<see cref="GroupAccess.CanSee"/>).</summary>
    public ContentMatches SearchGroups(GroupViewer viewer, string text, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var query = new BooleanQuery { { new TermQuery(new Term(Fields.Type, Fields.GroupType)) { Boost = 0 }, Occur.MUST } };
        AddAllWords(query, text, GroupFields);
        return Search(searcher =>
        {
            var collector = new ContentCollector(skip + take, (reader, doc) => CanSeeGroup(reader, doc, viewer), ContentOrder.Largest);
            searcher.Search(query, collector);
            return collector.Finish(skip, take);
        });
    }

    /// <summary>
    /// Which of <paramref name="postIds"/> match the keywords and the viewer may read, never the viewer's own. For watches:
    /// the same analysis as search (accents, French and English stems), only restricted to what is new.
    /// </summary>
    public IReadOnlyList<long> MatchPosts(PostViewer viewer, KeywordQuery keywords, IReadOnlyCollection<long> postIds)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(keywords);
        return MatchAmong(Fields.PostType, Fields.PostKey, postIds, keywords, PostFields,
            (reader, doc) => AuthorOf(reader, doc) != viewer.MemberId && CanReadPost(reader, doc, viewer));
    }

    /// <summary>Which of <paramref name="groupIds"/> match the keywords and the viewer may see.</summary>
    public IReadOnlyList<long> MatchGroups(GroupViewer viewer, KeywordQuery keywords, IReadOnlyCollection<long> groupIds)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(keywords);
        return MatchAmong(Fields.GroupType, Fields.GroupKey, groupIds, keywords, GroupFields,
            (reader, doc) => AuthorOf(reader, doc) != viewer.MemberId && CanSeeGroup(reader, doc, viewer));
    }

    /// <summary>Which of <paramref name="memberIds"/> match the keywords over the people fields and the viewer may find.</summary>
    public IReadOnlyList<long> MatchPeople(long viewerId, KeywordQuery keywords, IReadOnlyCollection<long> memberIds)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (memberIds.Count == 0 || keywords.AnyOf.Count == 0)
        {
            return [];
        }
        var found = new List<long>();
        foreach (var chunk in memberIds.Distinct().Chunk(MaxRestrict))
        {
            var query = new BooleanQuery { { new TermQuery(new Term(Fields.Type, Fields.MemberType)), Occur.MUST } };
            AddKeys(query, Fields.MemberKey, chunk);
            AddKeywords(query, keywords, [.. TextFields.Select(f => (f.Field, f.Boost))]);
            found.AddRange(RunPeople(viewerId, new PeopleQuery(), query, chunk.Length));
        }
        return found;
    }

    /// <summary>Which of <paramref name="memberIds"/> a saved people search finds for the viewer (its filters, degrees and visibility included).</summary>
    public IReadOnlyList<long> MatchPeople(long viewerId, PeopleQuery query, IReadOnlyCollection<long> memberIds)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<long>();
        foreach (var chunk in memberIds.Distinct().Chunk(MaxRestrict))
        {
            var lucene = PeopleLuceneQuery(query);
            AddKeys(lucene, Fields.MemberKey, chunk);
            found.AddRange(RunPeople(viewerId, query, lucene, chunk.Length));
        }
        return found;
    }

    // Key restrictions go in one boolean query; Lucene allows 1,024 clauses in one.
    private const int MaxRestrict = 1000;

    private List<long> RunPeople(long viewerId, PeopleQuery query, Query lucene, int count) => Search(searcher =>
    {
        var collector = new PeopleCollector(this, viewerId, query, count, withFacets: false, byClosenessFirst: false);
        searcher.Search(lucene, collector);
        return collector.Finish(0, count).Hits.Select(h => h.MemberId).ToList();
    });

    private List<long> MatchAmong(string type, Func<long, string> key, IReadOnlyCollection<long> ids, KeywordQuery keywords,
        (string Field, float Boost)[] fields, Func<AtomicReader, int, bool> visible)
    {
        var found = new List<long>();
        if (ids.Count == 0 || keywords.AnyOf.Count == 0)
        {
            return found;
        }
        foreach (var chunk in ids.Distinct().Chunk(MaxRestrict))
        {
            var query = new BooleanQuery { { new TermQuery(new Term(Fields.Type, type)), Occur.MUST } };
            AddKeys(query, key, chunk);
            AddKeywords(query, keywords, fields);
            found.AddRange(Search(searcher =>
            {
                var collector = new ContentCollector(chunk.Length, visible, ContentOrder.Newest);
                searcher.Search(query, collector);
                return collector.Finish(0, chunk.Length).Hits.Select(h => h.Id);
            }));
        }
        return found;
    }

    private static void AddKeys(BooleanQuery query, Func<long, string> key, IEnumerable<long> ids)
    {
        var any = new BooleanQuery();
        foreach (var id in ids)
        {
            any.Add(new TermQuery(new Term(Fields.Key, key(id))), Occur.SHOULD);
        }
        AddFilter(query, any);
    }

    /// <summary>Every word must appear in one of the fields (the best field scores).</summary>
    private static void AddAllWords(BooleanQuery query, string? text, (string Field, float Boost)[] fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        foreach (var word in SearchAnalysis.Terms(SearchAnalysis.Names, text))
        {
            if (PhraseIn(word, fields) is { } clause)
            {
                query.Add(clause, Occur.MUST);
            }
        }
    }

    /// <summary>At least one keyword or phrase, and none of the exclusions, in any of the fields.</summary>
    private static void AddKeywords(BooleanQuery query, KeywordQuery keywords, (string Field, float Boost)[] fields)
    {
        var any = new BooleanQuery();
        foreach (var keyword in keywords.AnyOf)
        {
            if (PhraseIn(keyword, fields) is { } clause)
            {
                any.Add(clause, Occur.SHOULD);
            }
        }
        // Keywords with no searchable term (punctuation only) leave "any" empty, which matches nothing: never "anything".
        query.Add(any, Occur.MUST);
        foreach (var exclusion in keywords.NoneOf)
        {
            if (PhraseIn(exclusion, fields) is { } clause)
            {
                query.Add(clause, Occur.MUST_NOT);
            }
        }
    }

    /// <summary>
    /// A word or phrase in any of the fields, analysed as each field is: one term is a term query, several (a quoted phrase,
    /// or "e-mail") a phrase query, so the words must follow each other.
    /// </summary>
    private static DisjunctionMaxQuery? PhraseIn(string text, (string Field, float Boost)[] fields)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in fields)
        {
            var analyzer = TextFields.FirstOrDefault(f => f.Field == field).Analyzer ?? SearchAnalysis.Words;
            var terms = SearchAnalysis.Terms(analyzer, text);
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
                var phrase = new PhraseQuery();
                foreach (var term in terms)
                {
                    phrase.Add(new Term(field, term));
                }
                clause = phrase;
            }
            clause.Boost = boost;
            any.Add(clause);
        }
        return any.Disjuncts.Count == 0 ? null : any;
    }

    private static long? AuthorOf(AtomicReader reader, int doc) => reader.GetNumericDocValues(Fields.AuthorId)?.Get(doc);

    private static bool CanReadPost(AtomicReader reader, int doc, PostViewer viewer)
    {
        var flags = reader.GetNumericDocValues(Fields.Flags)?.Get(doc) ?? 0;
        var author = reader.GetNumericDocValues(Fields.AuthorId)?.Get(doc) ?? -1;
        var groupId = reader.GetNumericDocValues(Fields.GroupId)?.Get(doc) ?? -1;
        GroupFacts? group = null;
        if (groupId >= 0)
        {
            var organization = reader.GetNumericDocValues(Fields.GroupOrganizationId)?.Get(doc) ?? -1;
            group = new GroupFacts(groupId, VisibilityFlags.Kind(flags), organization >= 0 ? organization : null, VisibilityFlags.IsInternal(flags));
        }
        var facts = new PostFacts(author, VisibilityFlags.Audience(flags), VisibilityFlags.State(flags), groupId >= 0 ? groupId : null,
            VisibilityFlags.Reach(flags));
        return PostAccess.CanRead(facts, group, viewer);
    }

    private static bool CanSeeGroup(AtomicReader reader, int doc, GroupViewer viewer)
    {
        var flags = reader.GetNumericDocValues(Fields.Flags)?.Get(doc) ?? 0;
        var id = reader.GetNumericDocValues(Fields.Id)?.Get(doc) ?? -1;
        var organization = reader.GetNumericDocValues(Fields.GroupOrganizationId)?.Get(doc) ?? -1;
        return GroupAccess.CanSee(new GroupFacts(id, VisibilityFlags.Kind(flags), organization >= 0 ? organization : null, VisibilityFlags.IsInternal(flags)),
            viewer);
    }

    private enum ContentOrder
    {
        /// <summary>Ties: newest first (posts).</summary>
        Newest,

        /// <summary>Ties: most members first (groups).</summary>
        Largest,
    }

    /// <summary>
    /// Asks <c>visible</c> about every text match before counting it, and keeps the best <c>keep</c> in a bounded heap by
    /// score, then the tie-break. Doc values are read per match from the segment (posts are many; no per-segment arrays).
    /// </summary>
    private sealed class ContentCollector(int keep, Func<AtomicReader, int, bool> visible, ContentOrder order) : ICollector
    {
        private static readonly Comparer<ContentMatch> BestFirst = Comparer<ContentMatch>.Create((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var byOrder = b.Order.CompareTo(a.Order);
            return byOrder != 0 ? byOrder : b.Id.CompareTo(a.Id);
        });

        private static readonly Comparer<ContentMatch> WorstFirst = Comparer<ContentMatch>.Create((a, b) => BestFirst.Compare(b, a));

        private readonly PriorityQueue<ContentMatch, ContentMatch> _best = new(WorstFirst);
        private AtomicReader? _reader;
        private NumericDocValues? _ids;
        private NumericDocValues? _order;
        private Scorer? _scorer;
        private int _total;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            _reader = context.AtomicReader;
            _ids = _reader.GetNumericDocValues(Fields.Id);
            _order = _reader.GetNumericDocValues(order == ContentOrder.Newest ? Fields.CreatedAt : Fields.MemberCount);
        }

        public void Collect(int doc)
        {
            if (!visible(_reader!, doc))
            {
                return;
            }
            _total++;
            var match = new ContentMatch(_ids?.Get(doc) ?? -1, _scorer!.GetScore(), _order?.Get(doc) ?? 0);
            if (_best.Count < keep)
            {
                _best.Enqueue(match, match);
            }
            else if (keep > 0 && WorstFirst.Compare(match, _best.Peek()) > 0)
            {
                _best.EnqueueDequeue(match, match);
            }
        }

        public ContentMatches Finish(int skip, int take)
        {
            var kept = new List<ContentMatch>(_best.Count);
            while (_best.TryDequeue(out var match, out _))
            {
                kept.Add(match);
            }
            kept.Sort(BestFirst);
            return new ContentMatches(_total, [.. kept.Skip(skip).Take(take)]);
        }
    }
}
