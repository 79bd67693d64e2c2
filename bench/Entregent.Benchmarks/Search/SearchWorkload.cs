using System.Globalization;
using System.Text;
using Npgsql;

namespace Entregent.Benchmarks.Search;

/// <summary>
/// Parameter sets for the three questions, drawn (seeded) from what the demo seed wrote into the app's tables: names,
/// titles, skills, organisations and cities; viewers are members with connections. Read once, untimed.
/// </summary>
internal sealed class SearchWorkload
{
    public required Dictionary<long, string> Handles { get; init; }
    public required List<(long Id, string Email)> Viewers { get; init; }
    public required List<PeopleParameters> People { get; init; }
    public required List<(long Viewer, string Typed)> Typeahead { get; init; }
    public required List<(long Viewer, long Organization, string Slug)> PeopleYouKnow { get; init; }

    public static SearchWorkload Draw(string connectionString, int count, int viewerCount, Random random)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var handles = new Dictionary<long, string>();
        var names = new List<string>();
        foreach (var (id, handle, name) in Rows(connection, """SELECT "MemberId", "Handle", "DisplayName" FROM profiles ORDER BY "MemberId" """,
                     r => (r.GetInt64(0), r.GetString(1), r.GetString(2))))
        {
            handles[id] = handle;
            names.Add(name);
        }

        var viewers = Rows(connection, """
            SELECT m."Id", m."Email" FROM members m
            WHERE EXISTS (SELECT 1 FROM connections c WHERE c."MemberId" = m."Id" OR c."OtherMemberId" = m."Id")
            ORDER BY m."Id"
            """, r => (r.GetInt64(0), r.GetString(1)));
        viewers = [.. viewers.OrderBy(_ => random.Next()).Take(viewerCount).OrderBy(v => v.Item1)];
        var titles = Rows(connection, """SELECT DISTINCT "Title" FROM positions ORDER BY 1""", r => r.GetString(0));
        var skills = Rows(connection, """SELECT "Id", "Name" FROM skills ORDER BY 1""", r => (r.GetInt64(0), r.GetString(1)));
        var organizations = Rows(connection, """
            SELECT o."Id", o."Name", o."Slug" FROM organizations o
            WHERE o."Kind" = 0 AND EXISTS (SELECT 1 FROM positions p WHERE p."OrganizationId" = o."Id" AND p."EndMonth" IS NULL)
            ORDER BY 1
            """, r => (r.GetInt64(0), r.GetString(1), r.GetString(2)));
        var cities = Rows(connection, """SELECT DISTINCT "Location" FROM profiles WHERE "Location" IS NOT NULL ORDER BY 1""", r => r.GetString(0));

        T Pick<T>(List<T> list) => list[random.Next(list.Count)];
        string Word(string text) => Pick([.. text.Split(' ').Where(w => w.Length > 2)]);
        long Viewer() => Pick(viewers).Item1;

        var people = new List<PeopleParameters>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(names);
            var skill = Pick(skills);
            var organization = Pick(organizations);
            var degrees = random.Next(10) == 0 ? 3 : 0;
            var page = random.Next(100) < 15 ? 2 : 1;
            people.Add(random.Next(10) switch
            {
                // A full name, typed without accents half the time ("helene lefevre"), or the family name alone.
                0 or 1 => new(Viewer(), random.Next(2) == 0 ? Fold(name) : name, null, null, null, null, null, degrees, page),
                2 => new(Viewer(), name.Split(' ', 2)[1], null, null, null, null, null, degrees, page),
                3 => new(Viewer(), Pick(titles), null, null, null, null, null, degrees, page),
                4 => new(Viewer(), Word(Pick(titles)), null, null, null, null, null, degrees, page),
                5 => new(Viewer(), skill.Item2, null, null, null, null, null, degrees, page),
                6 => new(Viewer(), organization.Item2.Split(' ')[0], null, null, null, null, null, degrees, page),
                7 => new(Viewer(), Word(Pick(titles)), Pick(cities), null, null, null, null, degrees, page),
                8 => new(Viewer(), Word(Pick(titles)), null, null, null, skill.Item1, skill.Item2, degrees, page),
                // Filters only: everyone who was ever at an organisation.
                _ => new(Viewer(), string.Empty, null, organization.Item1, organization.Item3, null, null, degrees, 1),
            });
        }

        var typeahead = new List<(long, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(names).Split(' ', 2);
            var typed = random.Next(10) switch
            {
                0 or 1 or 2 => $"{(random.Next(2) == 0 ? Fold(name[0]) : name[0])} {Prefix(name[1], random.Next(1, 5))}",
                3 or 4 => Prefix(random.Next(2) == 0 ? Fold(name[0]) : name[0], random.Next(2, 6)),
                5 => Prefix(name[1], random.Next(3, 6)),
                6 or 7 => Prefix(Pick(organizations).Item2, random.Next(3, 7)),
                _ => Prefix(Pick(skills).Item2, random.Next(2, 7)),
            };
            typeahead.Add((Viewer(), typed.Trim()));
        }

        // Half the organisations are where someone the viewer knows (1st or 2nd degree) works now, as when a member opens
        // the page of a company they have heard of; half any company with current members.
        var slugs = organizations.ToDictionary(o => o.Item1, o => o.Item3);
        var peopleYouKnow = new List<(long, long, string)>(count);
        using var near = new NpgsqlCommand("""
            WITH f1 AS (SELECT "OtherMemberId" AS n FROM connections WHERE "MemberId" = @viewer
                        UNION SELECT "MemberId" FROM connections WHERE "OtherMemberId" = @viewer),
                 one AS (SELECT n FROM f1 ORDER BY md5(n::text || @salt) LIMIT 1),
                 f2 AS (SELECT c."OtherMemberId" AS n FROM one JOIN connections c ON c."MemberId" = one.n
                        UNION SELECT c."MemberId" FROM one JOIN connections c ON c."OtherMemberId" = one.n)
            SELECT p."OrganizationId" FROM f2 JOIN positions p ON p."MemberId" = f2.n JOIN organizations o ON o."Id" = p."OrganizationId"
            WHERE p."EndMonth" IS NULL AND o."Kind" = 0 ORDER BY md5(p."Id"::text || @salt) LIMIT 1
            """, connection);
        near.Parameters.Add(new NpgsqlParameter<long>("viewer", 0L));
        near.Parameters.Add(new NpgsqlParameter<string>("salt", string.Empty));
        for (var i = 0; i < count; i++)
        {
            var viewer = Viewer();
            var organization = Pick(organizations).Item1;
            if (i % 2 == 0)
            {
                near.Parameters[0].Value = viewer;
                near.Parameters[1].Value = random.Next().ToString(CultureInfo.InvariantCulture);
                organization = near.ExecuteScalar() is long found ? found : organization;
            }

            peopleYouKnow.Add((viewer, organization, slugs[organization]));
        }

        return new SearchWorkload
        {
            Handles = handles,
            Viewers = viewers,
            People = people,
            Typeahead = typeahead,
            PeopleYouKnow = peopleYouKnow,
        };
    }

    /// <summary>Lower case without accents, as people type in a hurry ("Hélène Lefèvre" → "helene lefevre").</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Prefix(string text, int length) => text.Length <= length ? text : text[..length];

    private static List<T> Rows<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
