using BenchmarkDotNet.Attributes;

namespace Entregent.Benchmarks.Suites;

/// <summary>Friends-of-friends suggestions (top 20, default scoring) with the viewer's cache cold and warm.</summary>
[Config(typeof(ShortInProcessConfig))]
public class SuggestionBenchmarks : GraphSuite
{
    [Benchmark(OperationsPerInvoke = Batch, Description = "Suggestions (top 20), cache cold")]
    public int SuggestionsCold()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Graph.Suggestions(Loaded.Samples.Viewers[NextCold()]).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Suggestions (top 20), cache warm")]
    public int SuggestionsWarm()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Graph.Suggestions(Loaded.Samples.Viewers[NextWarm()]).Count;
        }

        return sum;
    }
}
