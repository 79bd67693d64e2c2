using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Entregent.Benchmarks.Ldbc;

/// <summary>
/// The LDBC tables in PostgreSQL (schema <c>ldbc_bench</c>, dropped and recreated) and the best SQL we could write
/// for IC11 and IC13. Knows is stored once per direction, clustered on (a, b), so that each hop is one index range
/// scan, as in <see cref="Compare.SqlDatabase"/>.
/// </summary>
internal sealed class LdbcSql : IDisposable
{
    // IC11: friends and friends of friends (not the person) who started at a company of the country before the year.
    // The two-hop set is small and built once; the filter then joins it to workAt by person.
    private const string Ic11Sql = """
        WITH
          f1 AS MATERIALIZED (SELECT b AS n FROM knows WHERE a = @person),
          f AS MATERIALIZED (SELECT n FROM f1 UNION SELECT k.b FROM f1 JOIN knows k ON k.a = f1.n)
        SELECT w.person, o.name, w.work_from
        FROM f
        JOIN work_at w ON w.person = f.n
        JOIN organisation o ON o.id = w.organisation
        JOIN place c ON c.id = o.place
        WHERE f.n <> @person AND c.name = @country AND w.work_from < @year
        ORDER BY w.work_from, w.person, o.name COLLATE "C" DESC
        LIMIT 10
        """;

    // IC13: a bidirectional breadth-first search with a global visited set per side, expanding the smaller frontier
    // one level at a time. A recursive CTE cannot see what earlier levels visited (only the last level's rows), so it
    // re-expands every path: LDBC's reference query ran for more than 30 s on an unreachable pair of the tiny graph.
    // When the balls around both ends were disjoint before a level and meet after it, the distance is the sum of the
    // two radii (every node within radius − 1 of one end is farther than the other radius from the other end).
    // NOT IN (SELECT unnest(...)) is planned as a hashed subplan: one hash of the visited set per level.
    private const string Ic13Function = """
        CREATE FUNCTION shortest_path_length(s bigint, t bigint) RETURNS integer LANGUAGE plpgsql STABLE AS $$
        DECLARE
          fs bigint[] := ARRAY[s]; ft bigint[] := ARRAY[t];
          vs bigint[] := ARRAY[s]; vt bigint[] := ARRAY[t];
          ds integer := 0; dt integer := 0;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM person WHERE id = s) OR NOT EXISTS (SELECT 1 FROM person WHERE id = t) THEN
            RETURN -1;
          END IF;
          IF s = t THEN RETURN 0; END IF;
          LOOP
            IF cardinality(fs) <= cardinality(ft) THEN
              SELECT coalesce(array_agg(DISTINCT k.b), '{}') INTO fs
                FROM knows k WHERE k.a = ANY (fs) AND k.b NOT IN (SELECT unnest(vs));
              ds := ds + 1;
              IF cardinality(fs) = 0 THEN RETURN -1; END IF;
              IF EXISTS (SELECT 1 FROM unnest(fs) x WHERE x IN (SELECT unnest(vt))) THEN RETURN ds + dt; END IF;
              vs := vs || fs;
            ELSE
              SELECT coalesce(array_agg(DISTINCT k.b), '{}') INTO ft
                FROM knows k WHERE k.a = ANY (ft) AND k.b NOT IN (SELECT unnest(vt));
              dt := dt + 1;
              IF cardinality(ft) = 0 THEN RETURN -1; END IF;
              IF EXISTS (SELECT 1 FROM unnest(ft) x WHERE x IN (SELECT unnest(vs))) THEN RETURN ds + dt; END IF;
              vt := vt || ft;
            END IF;
          END LOOP;
        END $$;
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _ic11;
    private readonly NpgsqlCommand _ic13;

    private LdbcSql(NpgsqlConnection connection)
    {
        _connection = connection;
        _ic11 = new NpgsqlCommand(Ic11Sql, connection);
        _ic11.Parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Bigint));
        _ic11.Parameters.Add(new NpgsqlParameter("country", NpgsqlDbType.Text));
        _ic11.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer));
        _ic11.Prepare();
        _ic13 = new NpgsqlCommand("SELECT shortest_path_length(@s, @t)", connection);
        _ic13.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Bigint));
        _ic13.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Bigint));
        _ic13.Prepare();
    }

    public TimeSpan LoadTime { get; private init; }

    public string Version => _connection.ServerVersion;

    public static LdbcSql Load(string connectionString, LdbcData data)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "ldbc_bench" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        var watch = Stopwatch.StartNew();
        Execute(connection, """
            DROP SCHEMA IF EXISTS ldbc_bench CASCADE;
            CREATE SCHEMA ldbc_bench;
            CREATE TABLE person (id bigint PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL);
            CREATE TABLE knows (a bigint NOT NULL, b bigint NOT NULL);
            CREATE TABLE place (id bigint PRIMARY KEY, name text NOT NULL, type text NOT NULL, part_of bigint);
            CREATE TABLE organisation (id bigint PRIMARY KEY, name text NOT NULL, place bigint NOT NULL);
            CREATE TABLE work_at (person bigint NOT NULL, organisation bigint NOT NULL, work_from integer NOT NULL);
            """);
        using (var copy = connection.BeginBinaryImport("COPY person (id, first_name, last_name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in data.PersonIds)
            {
                copy.WriteRow(id, data.FirstNames[id], data.LastNames[id]);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("COPY knows (a, b) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (a, b) in data.Knows.SelectMany(k => new[] { (k.A, k.B), (k.B, k.A) }).Order())
            {
                copy.WriteRow(data.PersonIds[a], data.PersonIds[b]);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("COPY place (id, name, type, part_of) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, place) in data.Places)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write(place.Name, NpgsqlDbType.Text);
                copy.Write(place.Type, NpgsqlDbType.Text);
                if (place.PartOf is { } parent)
                {
                    copy.Write(parent, NpgsqlDbType.Bigint);
                }
                else
                {
                    copy.WriteNull();
                }
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("COPY organisation (id, name, place) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, organisation) in data.Organisations)
            {
                copy.WriteRow(id, organisation.Name, organisation.Place);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport("COPY work_at (person, organisation, work_from) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (person, organisation, workFrom) in data.WorkAt)
            {
                copy.WriteRow(data.PersonIds[person], organisation, workFrom);
            }

            copy.Complete();
        }

        Execute(connection, """
            ALTER TABLE knows ADD PRIMARY KEY (a, b);
            ALTER TABLE work_at ADD PRIMARY KEY (person, organisation);
            CREATE INDEX work_at_organisation ON work_at (organisation);
            CREATE INDEX place_name ON place (name);
            CREATE INDEX organisation_place ON organisation (place);
            """);
        Execute(connection, Ic13Function);
        foreach (var table in new[] { "person", "knows", "place", "organisation", "work_at" })
        {
            Execute(connection, $"VACUUM (ANALYZE) {table}");
        }

        return new LdbcSql(connection) { LoadTime = watch.Elapsed };
    }

    public List<Ic11Row> Ic11(long person, string country, int year)
    {
        _ic11.Parameters[0].Value = person;
        _ic11.Parameters[1].Value = country;
        _ic11.Parameters[2].Value = year;
        var rows = new List<Ic11Row>(10);
        using var reader = _ic11.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Ic11Row(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    public int Ic13(long from, long to)
    {
        _ic13.Parameters[0].Value = from;
        _ic13.Parameters[1].Value = to;
        return (int)_ic13.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _ic11.Dispose();
        _ic13.Dispose();
        _connection.Dispose();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}

/// <summary>One IC11 answer row: a person in the network, a company of the country, the year they started there.</summary>
internal sealed record Ic11Row(long Person, string Organisation, int WorkFrom);
