namespace Entregent.Graph;

/// <summary>Settings of a <see cref="SocialGraph"/>.</summary>
public sealed record SocialGraphOptions
{
    /// <summary>Clock used for "current" memberships. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many viewers' 2nd-degree sets are cached (least recently used evicted). Default 1024; 0 disables the cache.</summary>
    public int NetworkCacheCapacity { get; init; } = 1024;

    /// <summary>
    /// When the overlay holds rows for more members than this after a write, a background compaction starts.
    /// Default 65,536; 0 or less disables automatic compaction (call <see cref="SocialGraph.Compact"/> yourself).
    /// </summary>
    public int CompactionThreshold { get; init; } = 65_536;
}

/// <summary>
/// Per-query settings shared by every viewer-relative query. Blocks, hidden members and hidden connection lists are
/// always applied; this record is the seam for further per-viewer visibility rules.
/// </summary>
public record QueryOptions
{
    /// <summary>The options every query uses when none are given.</summary>
    public static QueryOptions Default { get; } = new();

    /// <summary>
    /// Optional edge visibility rule on top of the built-in ones: when set, a traversal may only follow an edge
    /// (from, to), oriented away from the viewer, for which it returns <see langword="true"/>; it is not asked about
    /// edges the built-in rules already hide. Setting it bypasses the viewer's cached 2nd-degree set, so queries cost
    /// their uncached price. Default: <see langword="null"/> (no further rule).
    /// </summary>
    public Func<int, int, bool>? EdgeFilter { get; init; }
}

/// <summary>Settings of <see cref="SocialGraph.Reach(int, ReadOnlySpan{int}, ReachOptions?)"/>.</summary>
public sealed record ReachOptions : QueryOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new ReachOptions Default { get; } = new();

    /// <summary>Deepest distance searched, 1..3. Default 3.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Most results returned (nearest, then strongest first). Default 100.</summary>
    public int MaxResults { get; init; } = 100;

    /// <summary>Most intermediaries listed per result. Default 3.</summary>
    public int MaxIntermediaries { get; init; } = 3;
}

/// <summary>Settings of <see cref="SocialGraph.Suggestions(int, SuggestionOptions?)"/>.</summary>
public sealed record SuggestionOptions : QueryOptions
{
    /// <summary>The options used when none are given.</summary>
    public static new SuggestionOptions Default { get; } = new();

    /// <summary>Most suggestions returned. Default 20.</summary>
    public int MaxResults { get; init; } = 20;

    /// <summary>Score per common connection. Default 1.</summary>
    public double CommonConnectionWeight { get; init; } = 1.0;

    /// <summary>Score per organisation both belonged to with overlapping dates. Default 2.</summary>
    public double SharedOrganisationWeight { get; init; } = 2.0;

    /// <summary>Score per shared group. Default 0.5.</summary>
    public double SharedGroupWeight { get; init; } = 0.5;

    /// <summary>
    /// Also propose members who are not friends of friends but overlapped with the viewer at an organisation or share a
    /// group, scanning only organisations and groups with at most <see cref="PeerScanLimit"/> members. Default <see langword="true"/>.
    /// </summary>
    public bool IncludeOrganisationAndGroupPeers { get; init; } = true;

    /// <summary>Largest organisation or group whose members are scanned for peers. Default 2,000.</summary>
    public int PeerScanLimit { get; init; } = 2_000;

    /// <summary>Members never suggested (pending invitations, dismissed suggestions). Default: none.</summary>
    public IReadOnlySet<int>? Excluded { get; init; }
}

/// <summary>How the hop weights of a path (<see cref="PairWeight"/>) make the path's weight.</summary>
public enum PathWeighting
{
    /// <summary>The product of the hops' weights (a chain is as strong as its links together); 1 for no hop.</summary>
    Product = 0,

    /// <summary>
    /// The sum of the hops' weights; 0 for no hop. For interaction counts, where a hop with no interaction adds nothing
    /// rather than zeroing the path (LDBC SNB Interactive IC14's trust paths).
    /// </summary>
    Sum = 1,
}
