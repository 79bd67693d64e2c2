using System.Data.Common;
using System.Diagnostics;
using Entregent.Graph.Synthetic;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Entregent.Benchmarks.Compare;

/// <summary>
/// One relational store holding a synthetic network, and the best SQL we could write for each query the graph
/// answers. Connections are stored once per direction in <c>edges</c> clustered on (a, b): every hop is then
/// one index range scan, the layout any SQL graph traversal needs. The same SQL text runs on PostgreSQL and
/// SQLite (both accept <c>@name</c> parameters and <c>AS MATERIALIZED</c>), except reach, whose best form
/// differs between the two planners.
/// </summary>
internal sealed class SqlDatabase : IDisposable
{
    // Degree (1st/2nd/3rd, 0 for none): each level is a bounded join that stops at the first witness.
    // Level 2 intersects the two neighbour lists; level 3 looks for an edge between them.
    private const string DegreeSql = """
        SELECT CASE
          WHEN EXISTS (SELECT 1 FROM edges WHERE a = @v AND b = @t) THEN 1
          WHEN EXISTS (SELECT 1 FROM edges x JOIN edges y ON y.a = @t AND y.b = x.b WHERE x.a = @v) THEN 2
          WHEN EXISTS (SELECT 1 FROM edges x JOIN edges m ON m.a = x.b JOIN edges y ON y.a = @t AND y.b = m.b
                       WHERE x.a = @v) THEN 3
          ELSE 0 END
        """;

    // Shortest path length up to 5 hops by meeting in the middle: balls of radius 2 around both ends, each
    // computed once and only when a longer distance must be tested (CASE and CTE scans are lazy). A recursive
    // CTE cannot keep a visited set, so it re-expands every path and is far slower past two hops.
    private const string PathLengthSql = """
        WITH
          v1 AS MATERIALIZED (SELECT b AS n FROM edges WHERE a = @v),
          t1 AS MATERIALIZED (SELECT b AS n FROM edges WHERE a = @t),
          v2 AS MATERIALIZED (SELECT DISTINCT e.b AS n FROM v1 JOIN edges e ON e.a = v1.n),
          t2 AS MATERIALIZED (SELECT DISTINCT e.b AS n FROM t1 JOIN edges e ON e.a = t1.n)
        SELECT CASE
          WHEN @v = @t THEN 0
          WHEN EXISTS (SELECT 1 FROM v1 WHERE n = @t) THEN 1
          WHEN EXISTS (SELECT 1 FROM v1 JOIN t1 ON t1.n = v1.n) THEN 2
          WHEN EXISTS (SELECT 1 FROM v1 JOIN edges e ON e.a = v1.n JOIN t1 ON t1.n = e.b) THEN 3
          WHEN EXISTS (SELECT 1 FROM v2 JOIN t2 ON t2.n = v2.n) THEN 4
          WHEN EXISTS (SELECT 1 FROM v2 JOIN edges e ON e.a = v2.n JOIN t2 ON t2.n = e.b) THEN 5
          ELSE -1 END
        """;

    // Reach: current staff of an organisation within 3 hops, with distance. A staff member is at distance 3
    // exactly when one of their connections is within 2 hops, so the search expands the viewer twice and the
    // staff once instead of the viewer three times (the 3-hop ball is most of the graph). The two engines need
    // the distance-3 test written differently; each form is ~15x slower on the other engine at 100 k members.
    // PostgreSQL: a plain join against the 2-hop set, which it hashes once (as a correlated EXISTS it rescanned
    // the set for every staff member).
    private const string ReachSqlPostgres = """
        WITH
          v1 AS MATERIALIZED (SELECT b AS n FROM edges WHERE a = @v),
          v2 AS MATERIALIZED (SELECT DISTINCT e.b AS n FROM v1 JOIN edges e ON e.a = v1.n),
          staff AS MATERIALIZED (SELECT DISTINCT member AS m FROM positions
                                 WHERE organisation = @o AND end_day IS NULL AND member <> @v),
          near AS MATERIALIZED (SELECT m, CASE WHEN m IN (SELECT n FROM v1) THEN 1 ELSE 2 END AS d
                                FROM staff WHERE m IN (SELECT n FROM v1) OR m IN (SELECT n FROM v2)),
          far AS MATERIALIZED (SELECT DISTINCT e.a AS m FROM staff s JOIN edges e ON e.a = s.m JOIN v2 ON v2.n = e.b)
        SELECT m, d FROM near
        UNION ALL
        SELECT f.m, 3 FROM far f WHERE NOT EXISTS (SELECT 1 FROM near WHERE near.m = f.m)
        """;

    // SQLite: a correlated EXISTS per staff member, probing the 2-hop set through the automatic index SQLite
    // builds on a materialized CTE (given the join, it drove the join from the 2-hop set instead; with the
    // three tests OR-ed in one WHERE it was 10x slower too).
    private const string ReachSqlSqlite = """
        WITH
          v1 AS MATERIALIZED (SELECT b AS n FROM edges WHERE a = @v),
          v2 AS MATERIALIZED (SELECT DISTINCT e.b AS n FROM v1 JOIN edges e ON e.a = v1.n),
          staff AS MATERIALIZED (SELECT DISTINCT member AS m FROM positions
                                 WHERE organisation = @o AND end_day IS NULL AND member <> @v),
          near AS MATERIALIZED (SELECT m, CASE WHEN m IN (SELECT n FROM v1) THEN 1 ELSE 2 END AS d
                                FROM staff WHERE m IN (SELECT n FROM v1) OR m IN (SELECT n FROM v2))
        SELECT m, d FROM near
        UNION ALL
        SELECT s.m, 3 FROM staff s
        WHERE NOT EXISTS (SELECT 1 FROM near WHERE near.m = s.m)
          AND EXISTS (SELECT 1 FROM edges e JOIN v2 ON v2.n = e.b WHERE e.a = s.m)
        """;

    // Friends of friends who are not yet connected, ranked by common connections.
    private const string SuggestionsSql = """
        SELECT e.b, COUNT(*) AS common
        FROM edges x JOIN edges e ON e.a = x.b
        WHERE x.a = @v AND e.b <> @v
          AND NOT EXISTS (SELECT 1 FROM edges d WHERE d.a = @v AND d.b = e.b)
        GROUP BY e.b
        ORDER BY common DESC, e.b
        LIMIT 20
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _degree;
    private readonly DbCommand _pathLength;
    private readonly DbCommand _reach;
    private readonly DbCommand _suggestions;

    private SqlDatabase(string name, DbConnection connection, string reachSql)
    {
        Name = name;
        _connection = connection;
        _degree = Command(DegreeSql, "v", "t");
        _pathLength = Command(PathLengthSql, "v", "t");
        _reach = Command(reachSql, "v", "o");
        _suggestions = Command(SuggestionsSql, "v");
    }

    public string Name { get; }

    /// <summary>The server's (or the SQLite library's) version, for the report.</summary>
    public string Version => _connection.ServerVersion;

    public TimeSpan LoadTime { get; private set; }

    /// <summary>Loads the network into PostgreSQL, in schema <c>entregent_bench</c> (dropped first), by binary COPY.</summary>
    public static SqlDatabase LoadPostgres(string connectionString, SyntheticNetwork network)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "entregent_bench" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        var watch = Stopwatch.StartNew();
        Execute(connection, """
            DROP SCHEMA IF EXISTS entregent_bench CASCADE;
            CREATE SCHEMA entregent_bench;
            CREATE TABLE members (id integer NOT NULL, city integer NOT NULL);
            CREATE TABLE positions (member integer NOT NULL, organisation integer NOT NULL,
                                    start_day integer NOT NULL, end_day integer);
            CREATE TABLE edges (a integer NOT NULL, b integer NOT NULL, strength real NOT NULL, created_day integer NOT NULL);
            """);

        using (var copy = connection.BeginBinaryImport("COPY members (id, city) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var member in network.Members)
            {
                copy.StartRow();
                copy.Write(member.Index, NpgsqlDbType.Integer);
                copy.Write(member.City, NpgsqlDbType.Integer);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport(
            "COPY positions (member, organisation, start_day, end_day) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var position in network.Positions)
            {
                copy.StartRow();
                copy.Write(position.Member, NpgsqlDbType.Integer);
                copy.Write(position.Organisation, NpgsqlDbType.Integer);
                copy.Write(position.Start.DayNumber, NpgsqlDbType.Integer);
                if (position.End is { } end)
                {
                    copy.Write(end.DayNumber, NpgsqlDbType.Integer);
                }
                else
                {
                    copy.WriteNull();
                }
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport(
            "COPY edges (a, b, strength, created_day) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (a, b, strength, day) in DirectedEdges(network))
            {
                copy.StartRow();
                copy.Write(a, NpgsqlDbType.Integer);
                copy.Write(b, NpgsqlDbType.Integer);
                copy.Write(strength, NpgsqlDbType.Real);
                copy.Write(day, NpgsqlDbType.Integer);
            }

            copy.Complete();
        }

        Execute(connection, """
            ALTER TABLE members ADD PRIMARY KEY (id);
            ALTER TABLE edges ADD PRIMARY KEY (a, b);
            CREATE INDEX positions_current ON positions (organisation, member) WHERE end_day IS NULL;
            CREATE INDEX positions_member ON positions (member);
            """);

        // VACUUM sets the visibility map so that hops are index-only scans; it refuses to run in a batch.
        foreach (var table in new[] { "members", "positions", "edges" })
        {
            Execute(connection, $"VACUUM (ANALYZE) {table}");
        }

        // plan_cache_mode stays at its default (auto): forcing custom plans cost 5-10 ms of planning per query
        // here, and the generic plans of these queries have the same shape (the parameters only pick index ranges).
        Warm(connection, """
            CREATE EXTENSION IF NOT EXISTS pg_prewarm;
            SELECT pg_prewarm('edges'), pg_prewarm('edges_pkey'), pg_prewarm('positions_current');
            """);
        var database = new SqlDatabase("PostgreSQL", connection, ReachSqlPostgres) { LoadTime = watch.Elapsed };
        return database;
    }

    /// <summary>Loads the network into a new SQLite file (replaced if present) with one prepared insert per table
    /// inside one transaction.</summary>
    public static SqlDatabase LoadSqlite(string path, SyntheticNetwork network)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var watch = Stopwatch.StartNew();

        // Loading only: no journal and no fsync, as a bulk import would do before going live.
        Execute(connection, """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -1048576;
            PRAGMA temp_store = MEMORY;
            CREATE TABLE members (id INTEGER PRIMARY KEY, city INTEGER NOT NULL);
            CREATE TABLE positions (member INTEGER NOT NULL, organisation INTEGER NOT NULL,
                                    start_day INTEGER NOT NULL, end_day INTEGER);
            CREATE TABLE edges (a INTEGER NOT NULL, b INTEGER NOT NULL, strength REAL NOT NULL,
                                created_day INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
            """);

        using (var transaction = connection.BeginTransaction())
        {
            using (var insert = Prepared(connection, transaction, "INSERT INTO members VALUES (@p0, @p1)", 2))
            {
                foreach (var member in network.Members)
                {
                    insert.Parameters[0].Value = member.Index;
                    insert.Parameters[1].Value = member.City;
                    insert.ExecuteNonQuery();
                }
            }

            using (var insert = Prepared(connection, transaction, "INSERT INTO positions VALUES (@p0, @p1, @p2, @p3)", 4))
            {
                foreach (var position in network.Positions)
                {
                    insert.Parameters[0].Value = position.Member;
                    insert.Parameters[1].Value = position.Organisation;
                    insert.Parameters[2].Value = position.Start.DayNumber;
                    insert.Parameters[3].Value = position.End is { } end ? end.DayNumber : DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }

            // Rows arrive in primary-key order, so the clustered b-tree is appended to, never split.
            using (var insert = Prepared(connection, transaction, "INSERT INTO edges VALUES (@p0, @p1, @p2, @p3)", 4))
            {
                foreach (var (a, b, strength, day) in DirectedEdges(network))
                {
                    insert.Parameters[0].Value = a;
                    insert.Parameters[1].Value = b;
                    insert.Parameters[2].Value = strength;
                    insert.Parameters[3].Value = day;
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        Execute(connection, """
            CREATE INDEX positions_current ON positions (organisation, member) WHERE end_day IS NULL;
            CREATE INDEX positions_member ON positions (member);
            ANALYZE;
            PRAGMA mmap_size = 4294967296;
            """);
        Warm(connection, "SELECT COUNT(*) FROM edges; SELECT COUNT(*) FROM positions");
        return new SqlDatabase("SQLite", connection, ReachSqlSqlite) { LoadTime = watch.Elapsed };
    }

    /// <summary>Degree between two members: 1, 2, 3, or 0 when farther.</summary>
    public int Degree(int viewer, int other)
    {
        _degree.Parameters[0].Value = viewer;
        _degree.Parameters[1].Value = other;
        return Convert.ToInt32(_degree.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Shortest path length up to 5, or -1 when farther or unconnected.</summary>
    public int PathLength(int from, int to)
    {
        _pathLength.Parameters[0].Value = from;
        _pathLength.Parameters[1].Value = to;
        return Convert.ToInt32(_pathLength.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Current staff of the organisation within 3 hops: the count at each distance 1..3.</summary>
    public (int One, int Two, int Three) Reach(int viewer, int organisation)
    {
        _reach.Parameters[0].Value = viewer;
        _reach.Parameters[1].Value = organisation;
        int one = 0, two = 0, three = 0;
        using var reader = _reach.ExecuteReader();
        while (reader.Read())
        {
            switch (reader.GetInt32(1))
            {
                case 1: one++; break;
                case 2: two++; break;
                default: three++; break;
            }
        }

        return (one, two, three);
    }

    /// <summary>Top 20 friends of friends by common connections.</summary>
    public List<(int Member, int Common)> Suggestions(int viewer)
    {
        _suggestions.Parameters[0].Value = viewer;
        var result = new List<(int, int)>(20);
        using var reader = _suggestions.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetInt32(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    public void Dispose()
    {
        _degree.Dispose();
        _pathLength.Dispose();
        _reach.Dispose();
        _suggestions.Dispose();
        _connection.Dispose();
    }

    private DbCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = System.Data.DbType.Int32;
            parameter.Value = 0;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static DbCommand Prepared(DbConnection connection, DbTransaction transaction, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    /// <summary>Reads the tables once so that the first timed queries do not pay for the disk.</summary>
    private static void Warm(DbConnection connection, string sql)
    {
        try
        {
            Execute(connection, sql);
        }
        catch (DbException e)
        {
            Console.WriteLine($"Could not pre-warm {connection.GetType().Name}: {e.Message}");
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    /// <summary>Both directions of every connection, in (a, b) order.</summary>
    private static IEnumerable<(int A, int B, float Strength, int Day)> DirectedEdges(SyntheticNetwork network)
    {
        var connections = network.Connections;
        var n = network.Members.Count;
        var offsets = new int[n + 1];
        for (var i = 0; i < connections.Count; i++)
        {
            offsets[connections.First[i] + 1]++;
            offsets[connections.Second[i] + 1]++;
        }

        for (var m = 0; m < n; m++)
        {
            offsets[m + 1] += offsets[m];
        }

        // Each row: neighbour in the high half, connection index in the low half; sorting a row sorts by neighbour.
        var rows = new long[offsets[n]];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < connections.Count; i++)
        {
            rows[fill[connections.First[i]]++] = ((long)connections.Second[i] << 32) | (uint)i;
            rows[fill[connections.Second[i]]++] = ((long)connections.First[i] << 32) | (uint)i;
        }

        for (var m = 0; m < n; m++)
        {
            Array.Sort(rows, offsets[m], offsets[m + 1] - offsets[m]);
            for (var k = offsets[m]; k < offsets[m + 1]; k++)
            {
                var index = (int)(rows[k] & 0xFFFF_FFFF);
                yield return (m, (int)(rows[k] >> 32), network.Connections.Strength[index], network.Connections.CreatedOn[index].DayNumber);
            }
        }
    }
}
