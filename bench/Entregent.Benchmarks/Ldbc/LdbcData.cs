using System.Globalization;
using Entregent.Graph;

namespace Entregent.Benchmarks.Ldbc;

/// <summary>
/// The part of an LDBC SNB graph that IC11 and IC13 read: persons, knows, workAt, organisations and places. Reads
/// both layouts in <c>/work/shared/ldbc</c>: Datagen's CsvMergeForeign (<c>tiny/</c>: <c>dynamic/person_0_0.csv</c>…,
/// organisations and places carry their place and parent as a column) and the Neo4j-style re-serialisation
/// (<c>sf0.1-partial/</c>: <c>Person.csv</c>, <c>Person_knows_Person.csv</c> + <c>_1.csv</c>, relations in their own
/// files). Persons get dense indexes 0..n-1 in file order, the graph's member numbers.
/// </summary>
internal sealed class LdbcData
{
    public List<long> PersonIds { get; } = [];
    public Dictionary<long, int> PersonIndex { get; } = [];
    public Dictionary<long, string> FirstNames { get; } = [];
    public Dictionary<long, string> LastNames { get; } = [];
    public HashSet<(int A, int B)> Knows { get; } = [];
    public List<(int Person, long Organisation, int WorkFrom)> WorkAt { get; } = [];
    public Dictionary<long, (string Name, long Place)> Organisations { get; } = [];
    public Dictionary<long, (string Name, string Type, long? PartOf)> Places { get; } = [];

    public static LdbcData Load(string directory)
    {
        var data = new LdbcData();
        if (Directory.Exists(Path.Combine(directory, "dynamic")))
        {
            data.LoadMergeForeign(directory);
        }
        else
        {
            data.LoadNeo4jStyle(directory);
        }

        return data;
    }

    /// <summary>Companies' country names (companies are located in countries), for picking IC11 parameters.</summary>
    public string CountryOf(long organisation) => Places[Organisations[organisation].Place].Name;

    /// <summary>Knows as graph connections (strength 1: IC13 and IC11 ignore it).</summary>
    public SocialGraph BuildGraph()
    {
        var builder = new GraphBuilder(Knows.Count);
        builder.AddMember(PersonIds.Count - 1);
        var day = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (a, b) in Knows)
        {
            builder.AddConnection(a, b, 1f, day);
        }

        return builder.Build();
    }

    private void LoadMergeForeign(string directory)
    {
        foreach (var row in Rows(Path.Combine(directory, "dynamic", "person_0_0.csv")))
        {
            AddPerson(long.Parse(row[0], CultureInfo.InvariantCulture), row[1], row[2]);
        }

        foreach (var row in Rows(Path.Combine(directory, "dynamic", "person_knows_person_0_0.csv")))
        {
            AddKnows(row[0], row[1]);
        }

        foreach (var row in Rows(Path.Combine(directory, "dynamic", "person_workAt_organisation_0_0.csv")))
        {
            AddWorkAt(row[0], row[1], row[2]);
        }

        foreach (var row in Rows(Path.Combine(directory, "static", "organisation_0_0.csv")))
        {
            Organisations[long.Parse(row[0], CultureInfo.InvariantCulture)] = (row[2], long.Parse(row[4], CultureInfo.InvariantCulture));
        }

        foreach (var row in Rows(Path.Combine(directory, "static", "place_0_0.csv")))
        {
            Places[long.Parse(row[0], CultureInfo.InvariantCulture)] =
                (row[1], row[3], row.Length > 4 && row[4].Length > 0 ? long.Parse(row[4], CultureInfo.InvariantCulture) : null);
        }
    }

    private void LoadNeo4jStyle(string directory)
    {
        foreach (var row in Rows(Path.Combine(directory, "Person.csv")))
        {
            AddPerson(long.Parse(row[0], CultureInfo.InvariantCulture), row[1], row[2]);
        }

        foreach (var row in Parts(directory, "Person_knows_Person"))
        {
            AddKnows(row[0], row[1]);
        }

        foreach (var row in Parts(directory, "Person_workAt_Organisation"))
        {
            AddWorkAt(row[0], row[1], row[2]);
        }

        var located = Parts(directory, "Organisation_isLocatedIn_Place")
            .ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => long.Parse(r[1], CultureInfo.InvariantCulture));
        foreach (var row in Rows(Path.Combine(directory, "Organisation.csv")))
        {
            var id = long.Parse(row[0], CultureInfo.InvariantCulture);
            Organisations[id] = (row[2], located[id]);
        }

        var parents = Parts(directory, "Place_isPartOf_Place")
            .ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => long.Parse(r[1], CultureInfo.InvariantCulture));
        foreach (var row in Rows(Path.Combine(directory, "Place.csv")))
        {
            var id = long.Parse(row[0], CultureInfo.InvariantCulture);
            Places[id] = (row[1], row[3].ToLowerInvariant(), parents.TryGetValue(id, out var parent) ? parent : null);
        }
    }

    private void AddPerson(long id, string firstName, string lastName)
    {
        PersonIndex[id] = PersonIds.Count;
        PersonIds.Add(id);
        FirstNames[id] = firstName;
        LastNames[id] = lastName;
    }

    private void AddKnows(string a, string b)
    {
        var (x, y) = (PersonIndex[long.Parse(a, CultureInfo.InvariantCulture)], PersonIndex[long.Parse(b, CultureInfo.InvariantCulture)]);
        if (x != y)
        {
            Knows.Add((Math.Min(x, y), Math.Max(x, y)));
        }
    }

    private void AddWorkAt(string person, string organisation, string workFrom) =>
        WorkAt.Add((PersonIndex[long.Parse(person, CultureInfo.InvariantCulture)], long.Parse(organisation, CultureInfo.InvariantCulture),
            int.Parse(workFrom, CultureInfo.InvariantCulture)));

    /// <summary>A relation split in X.csv, X_1.csv…; a part may lack the header line.</summary>
    private static IEnumerable<string[]> Parts(string directory, string relation) =>
        Directory.GetFiles(directory, relation + "*.csv").Order(StringComparer.Ordinal).SelectMany(Rows);

    /// <summary>Pipe-separated rows; a first line that does not start with a digit is a header.</summary>
    private static IEnumerable<string[]> Rows(string path)
    {
        var first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || (first && !char.IsAsciiDigit(line[0])))
            {
                first = false;
                continue;
            }

            first = false;
            yield return line.Split('|');
        }
    }
}
