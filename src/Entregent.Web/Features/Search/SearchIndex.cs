using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Network;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Entregent.Web.Features.Search;

/// <summary>
/// The Lucene.NET index of members, organisations, skills, posts and groups (ADR-004), in a folder under the data path. One writer (the
/// <see cref="SearchIndexFollower"/>, or <c>entregent reindex</c> offline), near-real-time searchers for every reader.
/// Queries first retrieve text and filter matches, then rank them with the viewer's distance and relationship strength
/// from <see cref="NetworkGraph"/>; visibility (blocks, profile reach) is applied to every match before it is counted.
/// Members who opted out of the directory are never indexed.
/// </summary>
public sealed partial class SearchIndex(NetworkGraph network, TimeProvider time) : IDisposable
{
    /// <summary>Bumped whenever documents change shape: an index written by another version is rebuilt at start-up.</summary>
    public const string SchemaVersion = "3";

    private const string SequenceKey = "sequence";
    private const string SchemaKey = "schema";

    private readonly FeedPosition _position = new(time);
    private readonly System.Threading.Lock _gate = new();
    private FileStream? _processLock;
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    /// <summary>The last change-feed sequence the searchers see; −1 before the index is open.</summary>
    public long AppliedSequence => _position.Sequence;

    /// <summary>Waits until searches reflect the change feed up to <paramref name="sequence"/> (5 s at most by default).</summary>
    public Task<bool> WaitForAsync(long sequence, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        _position.WaitForAsync(sequence, cancellationToken, timeout);

    /// <summary>Documents in the index (members, organisations and skills), as the current searchers see them.</summary>
    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    internal NetworkGraph Network => network;

    /// <summary>
    /// Opens the index in <paramref name="folder"/>, creating it when absent. Returns the change-feed sequence its last commit
    /// covers, or null when it must be rebuilt from the store (new, empty, or written by another <see cref="SchemaVersion"/>).
    /// </summary>
    /// <exception cref="SearchIndexInUseException">Another process (a running server) holds the index.</exception>
    internal long? Open(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            // One writer per folder, across processes: .NET takes an exclusive advisory lock for FileShare.None, which
            // Lucene's own write.lock does not give us on Linux. Released by the OS if the process dies.
            _processLock = new FileStream(Path.Combine(folder, "entregent.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new SearchIndexInUseException(folder, exception);
        }
        _directory = FSDirectory.Open(new DirectoryInfo(folder));
        var config = new IndexWriterConfig(SearchAnalysis.Version, FieldAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Ranking,
            // Batches of a few thousand documents at rebuild; the default 16 MB flushes too often for that.
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new RankingSearcherFactory());
        var data = _writer.CommitData;
        return data is not null && data.TryGetValue(SchemaKey, out var schema) && schema == SchemaVersion
            && data.TryGetValue(SequenceKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    /// <summary>Removes every document carrying <paramref name="term"/> (an author's or a group's posts).</summary>
    internal void DeleteAll(Term term) => Writer.DeleteDocuments(term);

    /// <summary>Removes every document (before a rebuild).</summary>
    internal void Clear() => Writer.DeleteAll();

    /// <summary>Adds or replaces the document under <paramref name="key"/>; a null document removes it.</summary>
    internal void Put(string key, Document? document)
    {
        var term = NamedEntries.KeyTerm(key);
        if (document is null)
        {
            Writer.DeleteDocuments(term);
        }
        else
        {
            Writer.UpdateDocument(term, document);
        }
    }

    /// <summary>
    /// Makes everything written so far visible to searches as of <paramref name="sequence"/>; with
    /// <paramref name="commit"/>, also makes it durable, so a restart resumes from there instead of rebuilding.
    /// </summary>
    internal void Publish(long sequence, bool commit)
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                // Closed at shutdown while a last batch was being applied: the next start replays it.
                return;
            }
            PublishOpen(sequence, commit);
        }
    }

    private void PublishOpen(long sequence, bool commit)
    {
        if (commit)
        {
            Writer.SetCommitData(new Dictionary<string, string>
            {
                [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
                [SchemaKey] = SchemaVersion,
            });
            Writer.Commit();
        }
        Searchers.MaybeRefreshBlocking();
        _position.MarkApplied(sequence);
    }

    /// <summary>Commits what was applied up to <paramref name="sequence"/> and closes the index; later calls do nothing.</summary>
    internal void Close(long sequence)
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                return;
            }
            PublishOpen(sequence, commit: true);
            Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _processLock?.Dispose();
            _processLock = null;
            _searchers = null;
            _writer = null;
            _directory = null;
        }
    }

    private T Search<T>(Func<IndexSearcher, T> action)
    {
        var searchers = Searchers;
        var searcher = searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("The search index is not open.");

    private SearcherManager Searchers => _searchers ?? throw new InvalidOperationException("The search index is not open.");

    // BM25 suits short fields (names, titles) better than classic TF-IDF: a title is not more relevant for repeating a word.
    private static readonly BM25Similarity Ranking = new();

    private static readonly PerFieldAnalyzerWrapper FieldAnalyzer = new(SearchAnalysis.Names, new Dictionary<string, Analyzer>
    {
        [Fields.Headline] = SearchAnalysis.Words,
        [Fields.Title] = SearchAnalysis.Words,
        [Fields.CurrentTitle] = SearchAnalysis.Words,
        [Fields.Skill] = SearchAnalysis.Words,
        [Fields.Summary] = SearchAnalysis.Words,
        [Fields.Prefix] = SearchAnalysis.Prefixes,
        [Fields.PostTitle] = SearchAnalysis.Words,
        [Fields.PostBody] = SearchAnalysis.Words,
        [Fields.GroupName] = SearchAnalysis.Words,
        [Fields.GroupDescription] = SearchAnalysis.Words,
    });

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }
}

/// <summary>The index folder is held by another process, usually a running server.</summary>
public sealed class SearchIndexInUseException(string folder, Exception inner)
    : IOException($"The search index in {folder} is in use by another process.", inner);
