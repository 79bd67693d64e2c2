using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

// Each token filter owns the stream it wraps and disposes it with itself: chaining them is not a leak.
#pragma warning disable CA2000

namespace Entregent.Web.Features.Search;

/// <summary>
/// How text becomes terms, for French and English alike, in one place so the index and every query agree:
/// <list type="bullet">
/// <item><b>Names</b> (people, organisations, schools, places): elisions removed ("l'Oréal" → "oreal"), lower case,
/// accents folded ("Hélène Lefèvre" → "helene lefevre"). No stemming: "Martin" and "Martine" are two people.</item>
/// <item><b>Words</b> (titles, headlines, skills, summaries): the same, then French feminine forms brought to the masculine
/// ("ingénieure" → "ingenieur", "directrice" → "directeur"), then French and English plural and light stemming. One
/// stemmed field serves both languages: members write in either, often in both on one profile, and the same chain runs on
/// the query, so over-stemming costs a little precision, never a match.</item>
/// <item><b>Prefixes</b> (typeahead): names as edge n-grams of 1 to <see cref="MaxPrefix"/> characters, so a prefix is one
/// term lookup instead of a term-dictionary scan.</item>
/// </list>
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Longest typeahead prefix indexed; longer typed words are cut to it (still precise at that length).</summary>
    public const int MaxPrefix = 16;

    public static Analyzer Names { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, Folded(tokenizer));
    });

    public static Analyzer Words { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new FrenchFeminineFilter(Folded(tokenizer));
        stream = new FrenchLightStemFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public static Analyzer Prefixes { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(Version, Folded(tokenizer), 1, MaxPrefix));
    });

    /// <summary>Whole values used as filters and facets (a language, a location): folded and trimmed, one term.</summary>
    public static string Key(string value) => Infrastructure.TextKeys.Fold(value);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    private static ASCIIFoldingFilter Folded(Tokenizer tokenizer)
    {
        TokenStream stream = new ElisionFilter(tokenizer, Elisions);
        stream = new LowerCaseFilter(Version, stream);
        return new ASCIIFoldingFilter(stream);
    }

    // French elided articles and pronouns ("l'", "d'", "qu'"…); Lucene's own list, case-insensitive.
    private static readonly CharArraySet Elisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    /// <summary>
    /// Brings French feminine job and adjective endings to the masculine before stemming, so "ingénieure" finds
    /// "ingénieur", "développeuse" finds "développeur", "directrice" finds "directeur", and so do their plurals. Runs on folded, lower-case terms;
    /// only words long enough for the ending to be a suffix are touched ("rice" and "ville" stay as they are).
    /// </summary>
    private sealed class FrenchFeminineFilter : TokenFilter
    {
        // Longest ending first; each maps to the masculine ending.
        private static readonly (string Feminine, string Masculine)[] Endings =
        [
            ("trice", "teur"), ("euse", "eur"), ("eure", "eur"), ("ienne", "ien"), ("enne", "en"), ("ere", "er"), ("ive", "if"),
        ];

        private readonly ICharTermAttribute _term;

        public FrenchFeminineFilter(TokenStream input)
            : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }
            var length = _term.Length;
            var buffer = _term.Buffer;
            // Feminine plurals too ("ingénieures", "directrices"): the plural "s" goes with the feminine ending.
            var plural = length > 4 && buffer[length - 1] == 's' ? 1 : 0;
            foreach (var (feminine, masculine) in Endings)
            {
                var end = length - plural;
                if (end >= feminine.Length + 3 && buffer.AsSpan(end - feminine.Length, feminine.Length).SequenceEqual(feminine))
                {
                    var stem = end - feminine.Length;
                    masculine.AsSpan().CopyTo(buffer.AsSpan(stem));
                    _term.Length = stem + masculine.Length;
                    break;
                }
            }
            return true;
        }
    }
}
