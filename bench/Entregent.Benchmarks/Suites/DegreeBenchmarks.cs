using BenchmarkDotNet.Attributes;
using Entregent.Graph;

namespace Entregent.Benchmarks.Suites;

/// <summary>Degree of one member, and degrees of a page of 50 with the viewer's cache warm and cold.</summary>
[Config(typeof(ShortInProcessConfig))]
public class DegreeBenchmarks : GraphSuite
{
    private readonly Degree[] _page = new Degree[50];

    [Benchmark(OperationsPerInvoke = Batch, Description = "Degree(viewer, other)")]
    public int Degree()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (a, b) = Loaded.Samples.Pairs[NextCold()];
            sum += (int)Graph.Degree(a, b);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Degrees(page of 50), cache warm")]
    public Degree DegreesWarm()
    {
        for (var i = 0; i < Batch; i++)
        {
            var k = NextWarm();
            Graph.Degrees(Loaded.Samples.Viewers[k], Loaded.Samples.Pages[(k + 7) % Loaded.Samples.Pages.Count], _page);
        }

        return _page[0];
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Degrees(page of 50), cache cold")]
    public Degree DegreesCold()
    {
        for (var i = 0; i < Batch; i++)
        {
            var k = NextCold();
            Graph.Degrees(Loaded.Samples.Viewers[k], Loaded.Samples.Pages[k], _page);
        }

        return _page[0];
    }
}
