using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Entregent.Benchmarks.Ldbc;

/// <summary>
/// IC13 and IC11 in SQL on the app's own tables, after <c>entregent ldbc import</c> into PostgreSQL: connections
/// stored once per pair ("MemberId" &lt; "OtherMemberId", indexed on both columns), positions, organizations, and
/// the LDBC ids in external_keys. The same algorithms as <see cref="LdbcSql"/>; each hop reads both columns.
/// The function lives in schema <c>ldbc_app</c> (dropped and recreated); the app's tables are only read.
/// </summary>
internal sealed class LdbcAppSql : IDisposable
{
    // Friends and friends of friends from both columns; the person's LDBC id (text in external_keys) orders the rows.
    private const string Ic11Sql = """
        WITH
          f1 AS MATERIALIZED (SELECT "OtherMemberId" AS n FROM public.connections WHERE "MemberId" = @member
                              UNION ALL SELECT "MemberId" FROM public.connections WHERE "OtherMemberId" = @member),
          f AS MATERIALIZED (SELECT n FROM f1
                             UNION SELECT c."OtherMemberId" FROM f1 JOIN public.connections c ON c."MemberId" = f1.n
                             UNION SELECT c."MemberId" FROM f1 JOIN public.connections c ON c."OtherMemberId" = f1.n)
        SELECT k."ExternalId"::bigint AS person, o."Name", extract(year FROM p."StartMonth")::integer AS work_from
        FROM f
        JOIN public.positions p ON p."MemberId" = f.n
        JOIN public.organizations o ON o."Id" = p."OrganizationId"
        JOIN public.external_keys k ON k."Source" = 'ldbc-snb' AND k."Kind" = 'member' AND k."LocalId" = p."MemberId"
        WHERE f.n <> @member AND o."Kind" = 0 AND o."Location" = @country AND p."StartMonth" < make_date(@year, 1, 1)
        ORDER BY p."StartMonth", person, o."Name" COLLATE "C" DESC
        LIMIT 10
        """;

    private const string Ic13Function = """
        DROP SCHEMA IF EXISTS ldbc_app CASCADE;
        CREATE SCHEMA ldbc_app;
        CREATE FUNCTION ldbc_app.shortest_path_length(s bigint, t bigint) RETURNS integer LANGUAGE plpgsql STABLE AS $$
        DECLARE
          fs bigint[] := ARRAY[s]; ft bigint[] := ARRAY[t];
          vs bigint[] := ARRAY[s]; vt bigint[] := ARRAY[t];
          ds integer := 0; dt integer := 0;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM public.members WHERE "Id" = s) OR NOT EXISTS (SELECT 1 FROM public.members WHERE "Id" = t) THEN
            RETURN -1;
          END IF;
          IF s = t THEN RETURN 0; END IF;
          LOOP
            IF cardinality(fs) <= cardinality(ft) THEN
              SELECT coalesce(array_agg(DISTINCT n), '{}') INTO fs FROM (
                  SELECT "OtherMemberId" AS n FROM public.connections WHERE "MemberId" = ANY (fs)
                  UNION ALL SELECT "MemberId" FROM public.connections WHERE "OtherMemberId" = ANY (fs)) x
                WHERE n NOT IN (SELECT unnest(vs));
              ds := ds + 1;
              IF cardinality(fs) = 0 THEN RETURN -1; END IF;
              IF EXISTS (SELECT 1 FROM unnest(fs) x WHERE x IN (SELECT unnest(vt))) THEN RETURN ds + dt; END IF;
              vs := vs || fs;
            ELSE
              SELECT coalesce(array_agg(DISTINCT n), '{}') INTO ft FROM (
                  SELECT "OtherMemberId" AS n FROM public.connections WHERE "MemberId" = ANY (ft)
                  UNION ALL SELECT "MemberId" FROM public.connections WHERE "OtherMemberId" = ANY (ft)) x
                WHERE n NOT IN (SELECT unnest(vt));
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
    private readonly Dictionary<long, long> _memberOf;

    public LdbcAppSql(string connectionString)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        using (var setup = new NpgsqlCommand(Ic13Function, _connection))
        {
            setup.ExecuteNonQuery();
        }

        _memberOf = [];
        using (var keys = new NpgsqlCommand(
            """SELECT "ExternalId", "LocalId" FROM public.external_keys WHERE "Source" = 'ldbc-snb' AND "Kind" = 'member'""", _connection))
        using (var reader = keys.ExecuteReader())
        {
            while (reader.Read())
            {
                _memberOf[long.Parse(reader.GetString(0), CultureInfo.InvariantCulture)] = reader.GetInt64(1);
            }
        }

        _ic11 = new NpgsqlCommand(Ic11Sql, _connection);
        _ic11.Parameters.Add(new NpgsqlParameter("member", NpgsqlDbType.Bigint));
        _ic11.Parameters.Add(new NpgsqlParameter("country", NpgsqlDbType.Text));
        _ic11.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer));
        _ic11.Prepare();
        _ic13 = new NpgsqlCommand("SELECT ldbc_app.shortest_path_length(@s, @t)", _connection);
        _ic13.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Bigint));
        _ic13.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Bigint));
        _ic13.Prepare();
    }

    public int ImportedMembers => _memberOf.Count;

    /// <summary>An LDBC id the import did not see becomes member 0, which no member has: the SQL answers as for any unknown member.</summary>
    private long Member(long ldbcId) => _memberOf.GetValueOrDefault(ldbcId);

    public List<Ic11Row> Ic11(long person, string country, int year)
    {
        _ic11.Parameters[0].Value = Member(person);
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
        _ic13.Parameters[0].Value = Member(from);
        _ic13.Parameters[1].Value = Member(to);
        return (int)_ic13.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _ic11.Dispose();
        _ic13.Dispose();
        _connection.Dispose();
    }
}
