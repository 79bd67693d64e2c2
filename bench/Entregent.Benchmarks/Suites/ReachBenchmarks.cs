using BenchmarkDotNet.Attributes;

namespace Entregent.Benchmarks.Suites;

/// <summary>"Who do I know at X" for an organisation with 1 % of the members as current staff, and 2-hop neighbourhoods.</summary>
[Config(typeof(ShortInProcessConfig))]
public class ReachBenchmarks : GraphSuite
{
    [Benchmark(OperationsPerInvoke = Batch, Description = "ReachOrganisation (1 % of members), cache cold")]
    public int ReachCold()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Graph.ReachOrganisation(Loaded.Samples.Viewers[NextCold()], Loaded.Organisation).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "ReachOrganisation (1 % of members), cache warm")]
    public int ReachWarm()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Graph.ReachOrganisation(Loaded.Samples.Viewers[NextWarm()], Loaded.Organisation).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Neighbourhood (2 hops, first 1,000)")]
    public int Neighbourhood()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += Graph.Neighbourhood(Loaded.Samples.Viewers[NextCold()]).Count;
        }

        return sum;
    }
}
