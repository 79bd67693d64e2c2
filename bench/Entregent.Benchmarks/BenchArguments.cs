using System.Globalization;

namespace Entregent.Benchmarks;

/// <summary>"--name value" pairs after the mode word; everything is optional with a default at the call site.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                _values[name] = "true";
            }
            else if (name is not null)
            {
                _values[name] = arg;
                name = null;
            }
        }
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}
