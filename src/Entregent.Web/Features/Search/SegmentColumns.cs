using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Entregent.Web.Features.Search;

/// <summary>
/// A segment's member ids, reaches and facet ordinals as plain arrays, read once per segment and kept while the segment
/// lives. A broad query visits tens of thousands of matches and reads all of these for each: from arrays that is a few
/// nanoseconds a value, where the codec's doc-values readers cost ten times more. Segments never change once written
/// (deletions aside, which the searcher applies), so the arrays stay true; merged segments get their own.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = [];

    private SegmentColumns(AtomicReader reader, IReadOnlyList<string> facetFields)
    {
        var count = reader.MaxDoc;
        Ids = new long[count];
        Reaches = new byte[count];
        var ids = reader.GetNumericDocValues(Fields.Id);
        var reaches = reader.GetNumericDocValues(Fields.Reach);
        for (var doc = 0; doc < count; doc++)
        {
            Ids[doc] = ids?.Get(doc) ?? -1;
            Reaches[doc] = (byte)(reaches?.Get(doc) ?? 0);
        }
        Facets = [.. facetFields.Select(field => FacetColumn.Read(reader.GetSortedSetDocValues(field), count))];
    }

    public long[] Ids { get; }

    public byte[] Reaches { get; }

    /// <summary>One column per facet field, in the order asked for.</summary>
    public FacetColumn[] Facets { get; }

    public static SegmentColumns For(AtomicReader reader, IReadOnlyList<string> facetFields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader, facetFields));

    /// <summary>A facet field as compressed rows: the ordinals of document d are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    internal sealed class FacetColumn
    {
        private FacetColumn(int[] starts, int[] ordinals, string[] values)
        {
            Starts = starts;
            Ordinals = ordinals;
            Values = values;
        }

        public int[] Starts { get; }
        public int[] Ordinals { get; }

        /// <summary>The value of each ordinal.</summary>
        public string[] Values { get; }

        public static FacetColumn Read(SortedSetDocValues? source, int documents)
        {
            var starts = new int[documents + 1];
            if (source is null)
            {
                return new FacetColumn(starts, [], []);
            }
            var ordinals = new List<int>(documents);
            for (var doc = 0; doc < documents; doc++)
            {
                starts[doc] = ordinals.Count;
                source.SetDocument(doc);
                long ordinal;
                while ((ordinal = source.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ordinals.Add((int)ordinal);
                }
            }
            starts[documents] = ordinals.Count;
            var values = new string[source.ValueCount];
            var term = new BytesRef();
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                source.LookupOrd(ordinal, term);
                values[ordinal] = term.Utf8ToString();
            }
            return new FacetColumn(starts, [.. ordinals], values);
        }
    }
}
