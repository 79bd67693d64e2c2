using System.Globalization;

namespace Entregent.Web.Infrastructure;

/// <summary>
/// The one rule for numbered pages: they go from 1 to <see cref="MaxPage"/>, so that the rows skipped, (page − 1) × size,
/// never overflow (a negative offset is an error in PostgreSQL). Lists larger than that are narrowed, not paged through.
/// </summary>
public static class Paging
{
    public const int MaxPage = 10_000;

    /// <summary>The failure to answer for <paramref name="page"/> (null: the last page, where a list allows it), or null when it is fine.</summary>
    public static Failure? Check(int? page) =>
        page is < 1 or > MaxPage ? Failure.Invalid("page", $"Pages go from 1 to {MaxPage}.") : null;

    /// <summary>
    /// The cursor of a list ordered by (time, id), newest first: "ticks_id", opaque to clients. Ticks keep the store's
    /// full precision, so rows in the same millisecond are neither skipped nor repeated.
    /// </summary>
    public static string Cursor(DateTimeOffset at, long id) =>
        at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position a <see cref="Cursor"/> names, or null when the text is not one (out of range included).</summary>
    public static (DateTimeOffset At, long Id)? ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('_');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
