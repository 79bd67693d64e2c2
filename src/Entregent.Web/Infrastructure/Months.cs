using System.Globalization;

namespace Entregent.Web.Infrastructure;

/// <summary>Career dates are months, written "2019-03" in the API and stored as the first day of the month.</summary>
public static class Months
{
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? month) => month is { } m ? Format(m) : null;

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        if (parsed.Year < 1900)
        {
            return false;
        }
        month = parsed;
        return true;
    }

    /// <summary>The first day of the current month, by the given clock.</summary>
    public static DateOnly Current(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateOnly(now.Year, now.Month, 1);
    }
}
