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
}
