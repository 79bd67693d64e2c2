using System.Runtime.InteropServices;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Feed;

/// <summary>
/// Why a post is in a viewer's feed. When several sources bring the same post, the lowest value explains it
/// (a connection's post that also carries a followed hashtag is "from a connection").
/// </summary>
public enum FeedSourceKind
{
    Own = 0,
    Connection = 1,
    FollowedMember = 2,
    Group = 3,
    FollowedOrganization = 4,
    Hashtag = 5,
}

/// <summary>One of a viewer's sources: a member (own posts, a connection, a followed member), a group, an organisation, or a hashtag.</summary>
public readonly record struct FeedSource(FeedSourceKind Kind, long Id, string? Tag = null);

/// <summary>A position in the feed: creation time, then id, both descending (newest first; ids break ties).</summary>
public readonly record struct FeedKey(long Ticks, long Id) : IComparable<FeedKey>
{
    public int CompareTo(FeedKey other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Id.CompareTo(other.Id);

    public static bool operator <(FeedKey left, FeedKey right) => left.CompareTo(right) < 0;
    public static bool operator >(FeedKey left, FeedKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(FeedKey left, FeedKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(FeedKey left, FeedKey right) => left.CompareTo(right) >= 0;
}

/// <summary>A post of a feed page and the source that explains it.</summary>
public readonly record struct FeedHit(FeedKey Key, FeedSource Source);

/// <summary>
/// A page of the feed: the posts, newest first, and where the next page starts (null at the end). A page can hold fewer
/// posts than asked for, even none, and still have a <see cref="Next"/>: it stopped after <see cref="FeedOptions.MaxScanPerPage"/>
/// candidates.
/// </summary>
public sealed record FeedSlice(IReadOnlyList<FeedHit> Hits, FeedKey? Next);

/// <summary>A published post as the feed index keeps it.</summary>
public sealed record FeedPost(long Id, long AuthorId, long? GroupId, long? OrganizationId, PostAudience Audience, DateTimeOffset CreatedAt,
    IReadOnlyList<string> Tags);

/// <summary>The index's size: posts held once, entries in the per-source lists, and an estimate of the bytes they take.</summary>
public readonly record struct FeedIndexStats(int Posts, int Sources, long ListEntries, long EstimatedBytes);

/// <summary>
/// The home feed's index, in memory: for each source (an author, a group, an organisation, a hashtag) its most recent
/// published posts as a sorted array of (created-at ticks, id), and each post's access facts (author, group,
/// organisation, audience, hashtags) stored once. Built at start-up and kept current by <see cref="FeedIndexFollower"/>.
/// <para>
/// A page is a k-way merge, newest first, over the viewer's sources (their own posts, connections, followed members and
/// organisations, followed hashtags, joined groups): each source is entered at the cursor by binary search, a heap
/// yields the next newest candidate, and each candidate is checked with <see cref="PostAccess.CanRead"/> before it
/// counts. The same post reached by two sources comes out of the heap twice in a row and counts once. Cost of a page:
/// O(S log N) to enter S sources of N posts, then O(log S) per candidate looked at, bounded by
/// <see cref="FeedOptions.MaxScanPerPage"/>; no store access.
/// </para>
/// <para>
/// Memory: at most <see cref="FeedOptions.PostsPerSource"/> posts per source (the feed reaches no further back).
/// A kept post costs about 70 bytes for its facts (a dictionary entry) plus 16 bytes per source list holding it;
/// 2 million posts on 100,000 authors take roughly 200 MB (see docs/benchmarks.md for the measured figure).
/// Only published posts are kept: pending and removed ones never reach anyone's feed.
/// </para>
/// <para>
/// Readers share a reader/writer lock with the single writer (the follower): a page holds the read lock for the
/// merge only (no I/O under it), and a change batch holds the write lock for its in-memory updates only.
/// </para>
/// </summary>
public sealed class FeedIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly FeedPosition _position;
    private readonly int _perSource;
    private State _state;

    public FeedIndex(IOptions<FeedOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perSource = options.Value.PostsPerSource;
        _position = new FeedPosition(time);
        _state = new State(_perSource);
    }

    /// <summary>The last change-feed sequence reflected in the index; −1 before the first build.</summary>
    public long AppliedSequence => _position.Sequence;

    /// <summary>Waits until the index reflects the change feed up to <paramref name="sequence"/>, or the timeout (default 5 s) passes.</summary>
    public Task<bool> WaitForAsync(long sequence, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        _position.WaitForAsync(sequence, cancellationToken, timeout);

    internal void MarkApplied(long sequence) => _position.MarkApplied(sequence);

    public FeedIndexStats Stats
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _state.Stats();
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// The viewer's feed after <paramref name="before"/> (exclusive; null for the newest), at most <paramref name="limit"/>
    /// posts the viewer may read, looking at no more than <paramref name="maxScan"/> candidates. Group posts come only
    /// through the group's own source (joined groups) or the viewer's own; other sources bring posts outside groups.
    /// </summary>
    public FeedSlice Read(PostViewer viewer, IReadOnlyList<FeedSource> sources, FeedKey? before, int limit, int maxScan)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _lock.EnterReadLock();
        try
        {
            return _state.Read(viewer, sources, before, limit, maxScan);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Replaces the whole index with one built offline (start-up), at <paramref name="sequence"/>.</summary>
    internal void Replace(State state, long sequence)
    {
        _lock.EnterWriteLock();
        try
        {
            _state = state;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        MarkApplied(sequence);
    }

    /// <summary>A fresh, empty state to build into without holding the lock.</summary>
    internal State NewState() => new(_perSource);

    /// <summary>Runs <paramref name="update"/> on the live state under the write lock.</summary>
    internal void Update(Action<State> update)
    {
        _lock.EnterWriteLock();
        try
        {
            update(_state);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>The index's data. Not thread-safe: <see cref="FeedIndex"/> guards it.</summary>
    internal sealed class State(int perSource)
    {
        private readonly Dictionary<long, Entry> _posts = [];
        private readonly Dictionary<long, SourceList> _authors = [];
        private readonly Dictionary<long, SourceList> _groups = [];
        private readonly Dictionary<long, SourceList> _organisations = [];
        private readonly Dictionary<string, SourceList> _tags = new(StringComparer.Ordinal);

        // Only members whose reach is not "everyone", and every group: both small.
        private readonly Dictionary<long, ProfileReach> _reach = [];
        private readonly Dictionary<long, GroupFacts> _groupFacts = [];

        public void SetReach(long memberId, ProfileReach reach)
        {
            if (reach == ProfileReach.Everyone)
            {
                _reach.Remove(memberId);
            }
            else
            {
                _reach[memberId] = reach;
            }
        }

        public void SetGroup(GroupFacts group) => _groupFacts[group.Id] = group;

        /// <summary>Forgets a deleted group and its posts.</summary>
        public void RemoveGroup(long groupId)
        {
            _groupFacts.Remove(groupId);
            RemoveAll(_groups, groupId);
        }

        /// <summary>Forgets a deleted member's posts (those their own list still holds; older ones the store no longer returns).</summary>
        public void RemoveAuthor(long memberId)
        {
            _reach.Remove(memberId);
            RemoveAll(_authors, memberId);
        }

        /// <summary>Adds or replaces a published post.</summary>
        public void Upsert(FeedPost post)
        {
            Remove(post.Id);
            var key = new FeedKey(post.CreatedAt.UtcTicks, post.Id);
            // Held by one pin while it goes into its lists, so that an eviction from the first list cannot drop it
            // before the next one takes it.
            _posts[post.Id] = new Entry
            {
                Ticks = key.Ticks,
                AuthorId = post.AuthorId,
                GroupId = post.GroupId ?? 0,
                OrganizationId = post.OrganizationId ?? 0,
                Audience = (byte)post.Audience,
                Tags = post.Tags.Count == 0 ? null : [.. post.Tags],
                Lists = 1,
            };
            Add(_authors, post.AuthorId, key);
            if (post.GroupId is { } group)
            {
                Add(_groups, group, key);
            }
            if (post.OrganizationId is { } organisation)
            {
                Add(_organisations, organisation, key);
            }
            foreach (var tag in post.Tags)
            {
                Add(_tags, tag, key);
            }
            Release(post.Id);
        }

        /// <summary>Drops a post (deleted, or no longer published).</summary>
        public void Remove(long postId)
        {
            if (!_posts.TryGetValue(postId, out var entry))
            {
                return;
            }
            var key = new FeedKey(entry.Ticks, postId);
            Take(_authors, entry.AuthorId, key);
            if (entry.GroupId != 0)
            {
                Take(_groups, entry.GroupId, key);
            }
            if (entry.OrganizationId != 0)
            {
                Take(_organisations, entry.OrganizationId, key);
            }
            foreach (var tag in entry.Tags ?? [])
            {
                Take(_tags, tag, key);
            }
            _posts.Remove(postId);
        }

        public FeedIndexStats Stats()
        {
            var lists = _authors.Values.Concat(_groups.Values).Concat(_organisations.Values).Concat(_tags.Values).ToList();
            var entries = lists.Sum(l => (long)l.Count);
            // A dictionary entry of a post: key, value (48 bytes), hash and next (about 72 bytes with the bucket);
            // a list: its array (capacity × 16 bytes), object header and its dictionary entry (about 64 bytes).
            var bytes = _posts.Count * 72L + lists.Sum(l => l.Capacity * 16L + 64L)
                + _posts.Values.Sum(e => e.Tags is null ? 0L : 24 + 8L * e.Tags.Length);
            return new FeedIndexStats(_posts.Count, lists.Count, entries, bytes);
        }

        private void Add<TKey>(Dictionary<TKey, SourceList> lists, TKey source, FeedKey key) where TKey : notnull
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, source, out _);
            list ??= new SourceList();
            if (!list.Insert(key))
            {
                return;
            }
            Hold(key.Id);
            if (list.Count > perSource)
            {
                Release(list.RemoveOldest().Id);
            }
        }

        private void Take<TKey>(Dictionary<TKey, SourceList> lists, TKey source, FeedKey key) where TKey : notnull
        {
            if (lists.TryGetValue(source, out var list) && list.Remove(key))
            {
                if (list.Count == 0)
                {
                    lists.Remove(source);
                }
                Release(key.Id);
            }
        }

        private void RemoveAll(Dictionary<long, SourceList> lists, long source)
        {
            if (lists.TryGetValue(source, out var list))
            {
                foreach (var key in list.Keys().ToList())
                {
                    Remove(key.Id);
                }
                lists.Remove(source);
            }
        }

        private void Hold(long postId)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_posts, postId);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
            {
                entry.Lists++;
            }
        }

        // A post no list holds any more is forgotten: that is what bounds the memory.
        private void Release(long postId)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_posts, postId);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry) && --entry.Lists <= 0)
            {
                _posts.Remove(postId);
            }
        }

        private SourceList? ListOf(FeedSource source) => source.Kind switch
        {
            FeedSourceKind.Own or FeedSourceKind.Connection or FeedSourceKind.FollowedMember => _authors.GetValueOrDefault(source.Id),
            FeedSourceKind.Group => _groups.GetValueOrDefault(source.Id),
            FeedSourceKind.FollowedOrganization => _organisations.GetValueOrDefault(source.Id),
            FeedSourceKind.Hashtag when source.Tag is not null => _tags.GetValueOrDefault(source.Tag),
            _ => null,
        };

        public FeedSlice Read(PostViewer viewer, IReadOnlyList<FeedSource> sources, FeedKey? before, int limit, int maxScan)
        {
            var lists = new SourceList?[sources.Count];
            var positions = new int[sources.Count];
            var heap = new PriorityQueue<int, (FeedKey Key, int Rank)>(sources.Count, HeapOrder.Instance);
            for (var i = 0; i < sources.Count; i++)
            {
                if (ListOf(sources[i]) is not { } list)
                {
                    continue;
                }
                var position = (before is { } cursor ? list.CountBelow(cursor) : list.Count) - 1;
                if (position >= 0)
                {
                    lists[i] = list;
                    positions[i] = position;
                    heap.Enqueue(i, (list[position], Rank(sources[i], i)));
                }
            }

            var hits = new List<FeedHit>(Math.Min(limit, 64));
            FeedKey? current = null;
            // Whether the current key is settled: taken, or found unreadable (the rule does not depend on the source).
            var settled = false;
            var scanned = 0;
            while (heap.TryDequeue(out var index, out var head))
            {
                var key = head.Key;
                if (current != key)
                {
                    // Stop only between keys, so that the cursor never cuts a post's sources in two.
                    if (scanned >= maxScan && current is { } last)
                    {
                        return new FeedSlice(hits, last);
                    }
                    current = key;
                    settled = false;
                }
                scanned++;
                if (--positions[index] >= 0)
                {
                    heap.Enqueue(index, (lists[index]![positions[index]], head.Rank));
                }
                if (settled || !_posts.TryGetValue(key.Id, out var entry))
                {
                    continue;
                }
                var source = sources[index];
                // Group posts come through the group (or as one's own), not through their author, organisation or tags.
                if (entry.GroupId != 0 && source.Kind is not (FeedSourceKind.Group or FeedSourceKind.Own))
                {
                    continue;
                }
                settled = true;
                if (!CanRead(entry, viewer))
                {
                    continue;
                }
                if (hits.Count == limit)
                {
                    // A readable post beyond the page: there is a next page, starting after the last one shown.
                    return new FeedSlice(hits, hits[^1].Key);
                }
                hits.Add(new FeedHit(key, source));
            }
            return new FeedSlice(hits, null);
        }

        private static int Rank(FeedSource source, int index) => ((int)source.Kind << 24) | (index & 0xFFFFFF);

        private bool CanRead(in Entry entry, PostViewer viewer)
        {
            var facts = new PostFacts(entry.AuthorId, (PostAudience)entry.Audience, PostState.Published,
                entry.GroupId == 0 ? null : entry.GroupId, _reach.GetValueOrDefault(entry.AuthorId));
            GroupFacts? group = entry.GroupId != 0 && _groupFacts.TryGetValue(entry.GroupId, out var g) ? g : null;
            return PostAccess.CanRead(facts, group, viewer);
        }
    }

    /// <summary>Newest key first; for the same key (one post from several sources), the source that explains it best.</summary>
    private sealed class HeapOrder : IComparer<(FeedKey Key, int Rank)>
    {
        public static readonly HeapOrder Instance = new();

        public int Compare((FeedKey Key, int Rank) x, (FeedKey Key, int Rank) y)
        {
            var byKey = y.Key.CompareTo(x.Key);
            return byKey != 0 ? byKey : x.Rank.CompareTo(y.Rank);
        }
    }

    /// <summary>A post's facts, stored once however many lists hold it. 48 bytes.</summary>
    private struct Entry
    {
        public long Ticks;
        public long AuthorId;
        public long GroupId;
        public long OrganizationId;
        public string[]? Tags;
        public int Lists;
        public byte Audience;
    }

    /// <summary>A source's posts, oldest first in a growable array (new posts append; the oldest falls off the front).</summary>
    private sealed class SourceList
    {
        private FeedKey[] _items = new FeedKey[2];

        public int Count { get; private set; }

        public int Capacity => _items.Length;

        public FeedKey this[int index] => _items[index];

        public IEnumerable<FeedKey> Keys() => _items.Take(Count);

        /// <summary>How many keys are older than <paramref name="key"/>. O(log n).</summary>
        public int CountBelow(FeedKey key)
        {
            int low = 0, high = Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_items[middle] < key)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        /// <summary>Inserts in order; false when already there. O(1) for the newest, O(n) otherwise.</summary>
        public bool Insert(FeedKey key)
        {
            var at = Count > 0 && _items[Count - 1] < key ? Count : CountBelow(key);
            if (at < Count && _items[at] == key)
            {
                return false;
            }
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }
            Array.Copy(_items, at, _items, at + 1, Count - at);
            _items[at] = key;
            Count++;
            return true;
        }

        public bool Remove(FeedKey key)
        {
            var at = CountBelow(key);
            if (at >= Count || _items[at] != key)
            {
                return false;
            }
            Array.Copy(_items, at + 1, _items, at, Count - at - 1);
            Count--;
            Shrink();
            return true;
        }

        public FeedKey RemoveOldest()
        {
            var oldest = _items[0];
            Array.Copy(_items, 1, _items, 0, Count - 1);
            Count--;
            return oldest;
        }

        private void Shrink()
        {
            if (_items.Length > 8 && Count < _items.Length / 4)
            {
                Array.Resize(ref _items, _items.Length / 2);
            }
        }
    }
}
