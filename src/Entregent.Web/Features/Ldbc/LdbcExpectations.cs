using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Entregent.Web.Features.Ldbc;

/// <summary>One line of an expected-answer file: an operation, its parameters and the answer LDBC's reference gave.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Query">"IC1"…"IC14", "IS1"…"IS7", or "unknown".</param>
/// <param name="Parameters">The operation's JSON object.</param>
/// <param name="Expected">The expected result (an array, or an object for IS1, IS4, IS5, IS6 and IC13).</param>
/// <param name="OperationText">The operation as written, for messages.</param>
public sealed record LdbcOperation(int Line, string Query, JsonObject Parameters, JsonNode? Expected, string OperationText)
{
    public long IdParameter(string name) => Parameters[name]?.GetValue<long>() ?? throw new InvalidDataException($"line {Line}: no '{name}' parameter.");

    public int IntParameter(string name) => Parameters[name]?.GetValue<int>() ?? throw new InvalidDataException($"line {Line}: no '{name}' parameter.");

    public string TextParameter(string name) => Parameters[name]?.GetValue<string>() ?? throw new InvalidDataException($"line {Line}: no '{name}' parameter.");
}

/// <summary>
/// Reads LDBC SNB Interactive expected-answer files (<c>&lt;operation JSON&gt;|&lt;expected JSON&gt;</c> per line) and compares
/// answers the way LDBC's own validator does: lists in order (sorting and tie-breaks must match), the few
/// collections LDBC defines as sets compared as sets, doubles to 10 decimals.
/// </summary>
public static partial class LdbcExpectations
{
    /// <summary>Collections compared as sets, per query: IC1's e-mails, languages, universities and companies; IC12's tag names.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> SetProperties = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["IC1"] = new HashSet<string>(StringComparer.Ordinal) { "friendEmails", "friendLanguages", "friendUniversities", "friendCompanies" },
        ["IC12"] = new HashSet<string>(StringComparer.Ordinal) { "tagNames" },
    };

    private static readonly IReadOnlySet<string> NoSets = new HashSet<string>();

    /// <summary>Every operation of the file, in order; blank lines are ignored.</summary>
    /// <exception cref="InvalidDataException">A line is not an operation object followed by '|' and a JSON value.</exception>
    public static IEnumerable<LdbcOperation> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, number);
            }
        }
    }

    /// <summary>Parses one line: the operation object ends where its JSON ends, then '|', then the expected JSON.</summary>
    public static LdbcOperation Parse(string line, int number)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes);
        JsonObject parameters;
        try
        {
            parameters = JsonNode.Parse(ref reader) as JsonObject
                ?? throw new InvalidDataException($"line {number}: the operation is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"line {number}: the operation is not valid JSON ({e.Message}).", e);
        }
        var end = (int)reader.BytesConsumed;
        if (end >= bytes.Length || bytes[end] != (byte)'|')
        {
            throw new InvalidDataException($"line {number}: expected '|' after the operation.");
        }
        JsonNode? expected;
        try
        {
            expected = JsonNode.Parse(bytes.AsSpan(end + 1));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"line {number}: the expected result is not valid JSON ({e.Message}).", e);
        }
        return new LdbcOperation(number, Identify(parameters), parameters, expected, Encoding.UTF8.GetString(bytes, 0, end));
    }

    /// <summary>The query an operation is, known by its parameter names (LDBC's operation classes name them uniquely).</summary>
    public static string Identify(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, _) in parameters)
        {
            var match = InteractiveParameter().Match(name);
            if (!match.Success)
            {
                match = PathParameter().Match(name);
            }
            if (match.Success)
            {
                return "IC" + match.Groups[1].Value;
            }
            match = ShortParameter().Match(name);
            if (match.Success)
            {
                return "IS" + match.Groups[1].Value;
            }
            switch (name)
            {
                case "messageIdContent": return "IS4";
                case "messageIdCreator": return "IS5";
                case "messageForumId": return "IS6";
                case "messageRepliesId": return "IS7";
            }
        }
        return "unknown";
    }

    /// <summary>Where <paramref name="actual"/> departs from <paramref name="expected"/> under LDBC's rules for <paramref name="query"/>, or null when it does not.</summary>
    public static string? Difference(string query, JsonNode? expected, JsonNode? actual)
    {
        // Through text and back: values built in code (an int) and parsed values (a JSON number) then compare alike.
        var (e, a) = (Reparse(expected), Reparse(actual));
        return query == "IC14" && e is JsonArray paths && a is JsonArray got
            ? PathsDifference(paths, got)
            : Difference(e, a, SetProperties.GetValueOrDefault(query, NoSets), "$");
    }

    /// <summary>
    /// IC14 as LDBC's validator compares it: the weights position by position (so the order of weights), and the paths as a
    /// set (paths of equal weight may come in any order).
    /// </summary>
    private static string? PathsDifference(JsonArray expected, JsonArray actual)
    {
        static JsonArray Weights(JsonArray paths) => new([.. paths.Select(p => p?["pathWeight"]?.DeepClone())]);
        static JsonArray Paths(JsonArray paths) => new([.. paths.Select(p => p is JsonObject o ? new JsonObject([.. o.Where(x => x.Key != "pathWeight").Select(x => KeyValuePair.Create(x.Key, x.Value?.DeepClone()))]) : p?.DeepClone())]);
        return Difference(Weights(expected), Weights(actual), NoSets, "$[*].pathWeight")
            ?? SetDifference(Paths(expected), Paths(actual), "$[*]");
    }

    private static JsonNode? Reparse(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    private static string? Difference(JsonNode? expected, JsonNode? actual, IReadOnlySet<string> sets, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (null, _) or (_, null):
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.ContainsKey(name))
                    {
                        return $"{path}.{name}: missing";
                    }
                    var inner = sets.Contains(name) && value is JsonArray
                        ? SetDifference(value, a[name], $"{path}.{name}")
                        : Difference(value, a[name], sets, $"{path}.{name}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }
                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: not expected";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    var inner = Difference(e[i], a[i], sets, $"{path}[{i}]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }
                return e.Count == a.Count ? null : $"{path}: expected {e.Count} items, got {a.Count}";
            case (JsonValue e, JsonValue a):
                return ValuesEqual(e, a) ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            default:
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string? SetDifference(JsonNode expected, JsonNode? actual, string path)
    {
        if (actual is not JsonArray a)
        {
            return $"{path}: expected a set {Show(expected)}, got {Show(actual)}";
        }
        var e = expected.AsArray().Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var got = a.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        return e.SequenceEqual(got, StringComparer.Ordinal) ? null : $"{path}: expected the set {Show(expected)}, got {Show(actual)}";
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        var (e, a) = (expected.GetValueKind(), actual.GetValueKind());
        if (e == JsonValueKind.Number && a == JsonValueKind.Number)
        {
            if (expected.TryGetValue<long>(out var el) && actual.TryGetValue<long>(out var al))
            {
                return el == al;
            }
            return Math.Round(expected.GetValue<double>(), 10) == Math.Round(actual.GetValue<double>(), 10);
        }
        if (e != a)
        {
            return false;
        }
        return e switch
        {
            JsonValueKind.String => string.Equals(expected.GetValue<string>(), actual.GetValue<string>(), StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(expected, actual),
        };
    }

    /// <summary>One text per value, object keys sorted, so equal set members compare equal as strings.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(',', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(',', a.Select(Canonical)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Math.Round(v.GetValue<double>(), 10).ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>A JSON value cut to a readable length.</summary>
    public static string Show(JsonNode? node, int max = 300)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= max ? text : text[..max] + "…";
    }

    [GeneratedRegex("^personIdQ([0-9]+)$")]
    private static partial Regex InteractiveParameter();

    [GeneratedRegex("^person1IdQ([0-9]+)StartNode$")]
    private static partial Regex PathParameter();

    [GeneratedRegex("^personIdSQ([0-9]+)$")]
    private static partial Regex ShortParameter();
}
