using System.Diagnostics;
using System.Globalization;

namespace Entregent.Benchmarks;

/// <summary>Timing each parameter set once, and the percentiles and ratios the side-by-side runners print.</summary>
internal static class Timings
{
    /// <summary>Milliseconds per query, one run each, in order.</summary>
    public static List<double> Time<TQuery>(IReadOnlyList<TQuery> queries, Action<TQuery> run)
    {
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            run(query);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    public static double Median(List<double> times) => Percentile(times, 0.5);

    public static double P99(List<double> times) => Percentile(times, 0.99);

    /// <summary>The nearest-rank percentile (the median of an even count is the upper middle value).</summary>
    public static double Percentile(List<double> times, double fraction) => fraction == 0.5
        ? times.Order().ElementAt(times.Count / 2)
        : times.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(times.Count * fraction) - 1));

    public static string Ratio(double ratio) => ratio < 10
        ? ratio.ToString("F1", CultureInfo.InvariantCulture) + "×"
        : ratio.ToString("N0", CultureInfo.InvariantCulture) + "×";

    public static string Ms(double milliseconds) => milliseconds < 1
        ? (milliseconds * 1000).ToString("F1", CultureInfo.InvariantCulture) + " µs"
        : milliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";
}
