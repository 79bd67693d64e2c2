namespace Entregent.Web.Features.Watches;

/// <summary>A watch as its owner sees it. <c>Sources</c>: "people", "posts", "groups".</summary>
public sealed record WatchView(
    long Id,
    WatchKind Kind,
    string Name,
    string? Keywords,
    string? Exclusions,
    IReadOnlyList<string> Sources,
    string? Query,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastMatchAt)
{
    public static WatchView Of(Watch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return new(watch.Id, watch.Kind, watch.Name, watch.Keywords, watch.Exclusions, SourceNames(watch.Sources), watch.Query, watch.CreatedAt,
            watch.LastMatchAt);
    }

    /// <summary>The names of the sources set in <paramref name="sources"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> SourceNames(WatchSources sources) =>
        [.. Enum.GetValues<WatchSources>().Where(s => s != WatchSources.None && sources.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant())];
}
