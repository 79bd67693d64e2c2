using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Entregent.Benchmarks.Search;

/// <summary>
/// The three questions of issue 5 answered by PostgreSQL alone, on the app's own tables after a demo seed: full-text
/// search (french and simple configurations, accents folded by <c>unaccent</c>) plus joins on connections for the
/// degree. What a search engine keeps in its index lives here in schema <c>search_bench</c> (dropped and recreated):
/// one document per member (name, headline, titles, organisation names, skills, location as a weighted tsvector,
/// plus the directory flags, organisation and skill ids), as a trigger-maintained table would hold it; organisations and
/// skills with their member counts; GIN indexes on all of them. The app's tables are only read.
/// </summary>
internal sealed class SearchSql : IDisposable
{
    public const int PageSize = 20;
    // As SearchTypeahead: six members, three organisations, three skills.
    public const int TypeaheadMembers = 6;
    public const int TypeaheadOthers = 3;
    public const int IntermediariesPerMember = 3;

    // unaccent is STABLE (it reads a dictionary); the wrapper naming the dictionary may be IMMUTABLE (the usual way round
    // it), so that it can serve in index expressions and be folded once per query.
    private const string Setup = """
        CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
        DROP SCHEMA IF EXISTS search_bench CASCADE;
        CREATE SCHEMA search_bench;
        CREATE FUNCTION search_bench.fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
          AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

        CREATE TABLE search_bench.people AS
        SELECT p."MemberId" AS member_id, p."OptedOutOfDirectory" AS opted_out, p."Reach" AS reach, p."Location" AS location,
               coalesce(t.ids, '{}') AS organizations, coalesce(t.current_ids, '{}') AS current_organizations,
               coalesce(s.ids, '{}') AS skills,
               to_tsvector('simple', search_bench.fold(p."DisplayName")) AS names,
               setweight(to_tsvector('simple', search_bench.fold(p."DisplayName")), 'A')
               || setweight(to_tsvector('french', search_bench.fold(concat_ws(' ', p."Headline", t.titles, s.skills))), 'B')
               || setweight(to_tsvector('simple', search_bench.fold(concat_ws(' ', p."Headline", t.titles, s.skills))), 'B')
               || setweight(to_tsvector('simple', search_bench.fold(coalesce(t.organizations, ''))), 'C')
               || setweight(to_tsvector('simple', search_bench.fold(coalesce(p."Location", ''))), 'C') AS doc
        FROM public.profiles p
        LEFT JOIN LATERAL (SELECT string_agg(x."Title", ' ') AS titles, string_agg(o."Name", ' ') AS organizations,
                                  array_agg(DISTINCT x."OrganizationId") AS ids,
                                  array_agg(DISTINCT x."OrganizationId") FILTER (WHERE x."EndMonth" IS NULL) AS current_ids
                           FROM public.positions x JOIN public.organizations o ON o."Id" = x."OrganizationId"
                           WHERE x."MemberId" = p."MemberId") t ON true
        LEFT JOIN LATERAL (SELECT string_agg(k."Name", ' ') AS skills, array_agg(k."Id") AS ids
                           FROM public.member_skills m JOIN public.skills k ON k."Id" = m."SkillId"
                           WHERE m."MemberId" = p."MemberId") s ON true;
        ALTER TABLE search_bench.people ADD PRIMARY KEY (member_id);
        CREATE INDEX people_doc ON search_bench.people USING gin (doc);
        CREATE INDEX people_names ON search_bench.people USING gin (names);
        CREATE INDEX people_organizations ON search_bench.people USING gin (organizations);
        CREATE INDEX people_skills ON search_bench.people USING gin (skills);
        -- Organisations and skills with their member counts, as an index document holds them (counting at query time
        -- cost more than the match itself).
        CREATE TABLE search_bench.organizations AS
        SELECT o."Id" AS id, to_tsvector('simple', search_bench.fold(o."Name")) AS names,
               (SELECT count(DISTINCT p."MemberId") FROM public.positions p WHERE p."OrganizationId" = o."Id" AND p."EndMonth" IS NULL) AS members
        FROM public.organizations o;
        CREATE TABLE search_bench.skills AS
        SELECT k."Id" AS id, to_tsvector('simple', search_bench.fold(k."Name")) AS names,
               (SELECT count(*) FROM public.member_skills s WHERE s."SkillId" = k."Id") AS members
        FROM public.skills k;
        CREATE INDEX organizations_names ON search_bench.organizations USING gin (names);
        CREATE INDEX skills_names ON search_bench.skills USING gin (names);

        -- RelationshipStrength.Compute: how they met, then the organisations (positions and schooling) shared at the same time.
        CREATE FUNCTION search_bench.stints(m bigint) RETURNS TABLE (org bigint, from_day date, to_day date) LANGUAGE sql STABLE AS $$
          SELECT "OrganizationId", "StartMonth", coalesce(("EndMonth" + interval '1 month' - interval '1 day')::date, current_date)
          FROM public.positions WHERE "MemberId" = m
          UNION ALL
          SELECT "OrganizationId", make_date(coalesce("StartYear", "EndYear" - 1), 9, 1),
                 make_date(greatest(coalesce("EndYear", coalesce("StartYear", "EndYear" - 1) + 1), coalesce("StartYear", "EndYear" - 1) + 1), 6, 30)
          FROM public.education WHERE "MemberId" = m AND ("StartYear" IS NOT NULL OR "EndYear" IS NOT NULL) $$;
        CREATE FUNCTION search_bench.strength(a bigint, b bigint) RETURNS double precision LANGUAGE sql STABLE AS $$
          WITH shared AS (
            SELECT x.org, max(least(x.to_day, y.to_day) - greatest(x.from_day, y.from_day) + 1) AS days
            FROM search_bench.stints(a) x JOIN search_bench.stints(b) y ON y.org = x.org
            WHERE greatest(x.from_day, y.from_day) <= least(x.to_day, y.to_day)
            GROUP BY x.org)
          SELECT least(1.0, greatest(0.1,
            coalesce((SELECT CASE c."HowMet" WHEN 1 THEN 0.35 WHEN 2 THEN 0.3 WHEN 3 THEN 0.3 WHEN 4 THEN 0.3
                                             WHEN 5 THEN 0.15 WHEN 6 THEN 0.15 WHEN 7 THEN 0.15 ELSE 0.1 END
                      FROM public.connections c WHERE c."MemberId" = least(a, b) AND c."OtherMemberId" = greatest(a, b)), 0.1)
            + coalesce((SELECT 0.2 + 0.1 * least(max(days) / 365.25, 3.0) + 0.1 * (count(*) - 1) FROM shared HAVING count(*) > 0), 0))) $$;
        ANALYZE search_bench.people;
        ANALYZE search_bench.organizations;
        ANALYZE search_bench.skills;
        """;

    // The viewer's 1st degree (connections are stored once per pair), 2nd degree and the members either way blocked.
    private const string Network = """
        f1 AS MATERIALIZED (SELECT "OtherMemberId" AS n FROM public.connections WHERE "MemberId" = @viewer
                            UNION SELECT "MemberId" FROM public.connections WHERE "OtherMemberId" = @viewer),
        f2 AS MATERIALIZED (SELECT c."OtherMemberId" AS n FROM f1 JOIN public.connections c ON c."MemberId" = f1.n
                            UNION SELECT c."MemberId" FROM f1 JOIN public.connections c ON c."OtherMemberId" = f1.n),
        blocked AS MATERIALIZED (SELECT "BlockedId" AS n FROM public.blocks WHERE "BlockerId" = @viewer
                                 UNION SELECT "BlockerId" FROM public.blocks WHERE "BlockedId" = @viewer),
        """;

    // Internal profiles (reach Colleagues) are found only by members currently at one of the owner's organisations.
    private const string Findable = """
        NOT d.opted_out AND d.member_id <> @viewer AND d.member_id NOT IN (SELECT n FROM blocked)
          AND (d.reach <> 2 OR EXISTS (SELECT 1 FROM public.positions a JOIN public.positions b ON b."OrganizationId" = a."OrganizationId"
                                       WHERE a."MemberId" = d.member_id AND a."EndMonth" IS NULL AND b."MemberId" = @viewer AND b."EndMonth" IS NULL))
        """;

    /// <summary>
    /// One statement: the page of members (ts_rank × (1 + closeness) as the app ranks, closeness 0.64 at 1st degree and
    /// 0.32 at 2nd: the app's values at the weakest strength, which most demo connections have), the total,
    /// and the facet counts (degree; current organisation, skill and location, top 10 each) over every match.
    /// </summary>
    private static readonly string PeopleSql = $"""
        WITH {Network}
        q AS (SELECT CASE WHEN @q = '' THEN NULL
                          ELSE websearch_to_tsquery('french', search_bench.fold(@q)) || websearch_to_tsquery('simple', search_bench.fold(@q)) END AS q),
        hits AS MATERIALIZED (
          SELECT d.member_id, d.location, d.current_organizations, d.skills,
                 CASE WHEN d.member_id IN (SELECT n FROM f1) THEN 1 WHEN d.member_id IN (SELECT n FROM f2) THEN 2 ELSE 3 END AS degree,
                 CASE WHEN q.q IS NULL THEN 0 ELSE ts_rank(d.doc, q.q) END AS rank
          FROM search_bench.people d, q
          WHERE (q.q IS NULL OR d.doc @@ q.q) AND {Findable}
            AND (@location = '' OR to_tsvector('simple', search_bench.fold(coalesce(d.location, ''))) @@ plainto_tsquery('simple', search_bench.fold(@location)))
            AND (cardinality(@organizations) = 0 OR d.organizations && @organizations)
            AND (cardinality(@skills) = 0 OR d.skills @> @skills)),
        kept AS MATERIALIZED (SELECT * FROM hits WHERE @degrees = 0 OR ((1 << (degree - 1)) & @degrees) <> 0)
        (SELECT 0 AS kind, member_id AS id, NULL::text AS label, degree AS n FROM kept
         ORDER BY rank * CASE degree WHEN 1 THEN 1.64 WHEN 2 THEN 1.32 ELSE 1 END DESC, degree, member_id LIMIT {PageSize} OFFSET @skip)
        UNION ALL SELECT 1, NULL, NULL, count(*) FROM kept
        UNION ALL (SELECT 2, degree, NULL, count(*) FROM kept GROUP BY degree)
        UNION ALL SELECT 3, f.id, o."Name", f.n FROM (SELECT id, count(*) AS n FROM kept, unnest(kept.current_organizations) AS id
                                                      GROUP BY id ORDER BY 2 DESC, 1 LIMIT 10) f JOIN public.organizations o ON o."Id" = f.id
        UNION ALL SELECT 4, f.id, k."Name", f.n FROM (SELECT id, count(*) AS n FROM kept, unnest(kept.skills) AS id
                                                      GROUP BY id ORDER BY 2 DESC, 1 LIMIT 10) f JOIN public.skills k ON k."Id" = f.id
        UNION ALL (SELECT 5, NULL, location, count(*) FROM kept WHERE location IS NOT NULL GROUP BY location ORDER BY 4 DESC, 3 LIMIT 10)
        """;

    /// <summary>
    /// Prefix matches ("helene lef" is 'helene' &amp; 'lef':*, folded like the documents): members nearest first,
    /// organisations and skills with the most members first.
    /// </summary>
    private static readonly string TypeaheadSql = $"""
        WITH {Network}
        words AS (SELECT w, o, max(o) OVER () AS last
                  FROM regexp_split_to_table(search_bench.fold(@typed), '[^[:alnum:]]+') WITH ORDINALITY AS t(w, o) WHERE w <> ''),
        q AS (SELECT to_tsquery('simple', string_agg(quote_literal(w) || CASE WHEN o = last THEN ':*' ELSE '' END, ' & ' ORDER BY o)) AS q FROM words)
        (SELECT 0 AS kind, d.member_id AS id,
                CASE WHEN d.member_id IN (SELECT n FROM f1) THEN 1 WHEN d.member_id IN (SELECT n FROM f2) THEN 2 ELSE 3 END AS n
         FROM search_bench.people d, q WHERE d.names @@ q.q AND {Findable}
         ORDER BY 3, ts_rank(d.names, q.q) DESC, d.member_id LIMIT {TypeaheadMembers})
        UNION ALL
        (SELECT 1, o.id, o.members FROM search_bench.organizations o, q WHERE o.names @@ q.q ORDER BY 3 DESC, 2 LIMIT {TypeaheadOthers})
        UNION ALL
        (SELECT 2, k.id, k.members FROM search_bench.skills k, q WHERE k.names @@ q.q ORDER BY 3 DESC, 2 LIMIT {TypeaheadOthers})
        """;

    /// <summary>
    /// Current members of the organisation at 1st degree, then at 2nd degree each with up to three intermediaries
    /// (1st-degree connections who know them), ranked by the weaker of the two strengths along the path. (A set-wise
    /// version, every pair's shared stints in one join, was slower: the planner read positions in full.)
    /// </summary>
    private static readonly string PeopleYouKnowSql = $"""
        WITH {Network}
        staff AS MATERIALIZED (SELECT DISTINCT p."MemberId" AS m FROM public.positions p
                               WHERE p."OrganizationId" = @organization AND p."EndMonth" IS NULL
                                 AND p."MemberId" <> @viewer AND p."MemberId" NOT IN (SELECT n FROM blocked)),
        second AS MATERIALIZED (
          SELECT s.m, x.via FROM staff s
          JOIN LATERAL (SELECT c."OtherMemberId" AS via FROM public.connections c WHERE c."MemberId" = s.m
                        UNION ALL SELECT c."MemberId" FROM public.connections c WHERE c."OtherMemberId" = s.m) x ON true
          WHERE s.m NOT IN (SELECT n FROM f1) AND x.via IN (SELECT n FROM f1)),
        ranked AS (
          SELECT m, via, st, row_number() OVER (PARTITION BY m ORDER BY st DESC, via) AS r
          FROM (SELECT m, via, least(search_bench.strength(@viewer, via), search_bench.strength(via, m)) AS st FROM second) y)
        (SELECT 1 AS degree, m, NULL::bigint AS via, search_bench.strength(@viewer, m) AS st FROM staff WHERE m IN (SELECT n FROM f1))
        UNION ALL (SELECT 2, m, via, st FROM ranked WHERE r <= {IntermediariesPerMember})
        ORDER BY 1, 4 DESC, 2, 3
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _people;
    private readonly NpgsqlCommand _typeahead;
    private readonly NpgsqlCommand _peopleYouKnow;

    /// <param name="reuse">Keep schema search_bench when an earlier run on the same data built it (BuildTime is then zero).</param>
    public SearchSql(string connectionString, bool reuse)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
        using (var version = new NpgsqlCommand("SHOW server_version", _connection))
        {
            Version = (string)version.ExecuteScalar()!;
        }

        using (var exists = new NpgsqlCommand("""
            SELECT to_regclass('search_bench.people') IS NOT NULL AND to_regclass('search_bench.skills') IS NOT NULL
               AND to_regprocedure('search_bench.strength(bigint, bigint)') IS NOT NULL
            """, _connection))
        {
            reuse &= (bool)exists.ExecuteScalar()!;
        }

        // The statements are prepared once; their optional parts (no text, no filter) make a generic plan a poor one (no
        // GIN index when the text might be empty), so every execution is planned for its parameters (about 1–2 ms).
        using (var custom = new NpgsqlCommand("SET plan_cache_mode = force_custom_plan", _connection))
        {
            custom.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        if (!reuse)
        {
            using var setup = new NpgsqlCommand(Setup, _connection) { CommandTimeout = 3600 };
            setup.ExecuteNonQuery();
        }

        BuildTime = watch.Elapsed;
        Reused = reuse;
        using (var size = new NpgsqlCommand("""
            SELECT pg_total_relation_size('search_bench.people'), pg_relation_size('search_bench.people_doc'),
                   pg_relation_size('search_bench.people_names'), pg_total_relation_size('search_bench.organizations'),
                   pg_total_relation_size('search_bench.skills')
            """, _connection))
        using (var reader = size.ExecuteReader())
        {
            reader.Read();
            IndexSizes = $"documents table with its indexes {reader.GetInt64(0) / 1048576.0:F1} MiB (GIN on documents "
                + $"{reader.GetInt64(1) / 1048576.0:F1} MiB, on names {reader.GetInt64(2) / 1048576.0:F1} MiB); "
                + $"organisations {reader.GetInt64(3) / 1024.0:F0} KiB, skills {reader.GetInt64(4) / 1024.0:F0} KiB (with their GIN indexes)";
        }

        _people = Prepare(PeopleSql, ("q", NpgsqlDbType.Text), ("location", NpgsqlDbType.Text),
            ("organizations", NpgsqlDbType.Array | NpgsqlDbType.Bigint), ("skills", NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("degrees", NpgsqlDbType.Integer), ("skip", NpgsqlDbType.Integer));
        _typeahead = Prepare(TypeaheadSql, ("typed", NpgsqlDbType.Text));
        _peopleYouKnow = Prepare(PeopleYouKnowSql, ("organization", NpgsqlDbType.Bigint));
    }

    public string Version { get; }

    public TimeSpan BuildTime { get; }

    public bool Reused { get; }

    public string IndexSizes { get; }

    public const string IndexDescription = """
        schema search_bench: table people (member id, directory flags, location, organisation ids (all, current), skill ids (GIN on
        both, for filters and facets); tsvector names = simple(fold(name)); tsvector doc =
        A simple(fold(name)) || B french+simple(fold(headline, titles, skills)) || C simple(fold(organisation names, location)))
        with GIN on doc and names; tables organizations and skills (id, tsvector names, member count) with GIN on names;
        fold(x) = lower(unaccent(x)); functions stints/strength (RelationshipStrength in SQL)
        """;

    private NpgsqlCommand Prepare(string sql, params (string Name, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.Add(new NpgsqlParameter("viewer", NpgsqlDbType.Bigint));
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type));
        }

        command.Prepare();
        return command;
    }

    public PeopleAnswer People(PeopleParameters p)
    {
        _people.Parameters["viewer"].Value = p.Viewer;
        _people.Parameters["q"].Value = p.Text;
        _people.Parameters["location"].Value = p.Location ?? string.Empty;
        _people.Parameters["organizations"].Value = p.OrganizationId is { } o ? new[] { o } : Array.Empty<long>();
        _people.Parameters["skills"].Value = p.SkillId is { } s ? new[] { s } : Array.Empty<long>();
        _people.Parameters["degrees"].Value = p.Degrees;
        _people.Parameters["skip"].Value = (p.Page - 1) * PageSize;
        var hits = new List<long>(PageSize);
        var total = 0;
        var facets = new List<(int Kind, string Value, long Count)>();
        using var reader = _people.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetInt32(0);
            switch (kind)
            {
                case 0:
                    hits.Add(reader.GetInt64(1));
                    break;
                case 1:
                    total = (int)reader.GetInt64(3);
                    break;
                default:
                    facets.Add((kind, reader.IsDBNull(2) ? reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(2),
                        reader.GetInt64(3)));
                    break;
            }
        }

        return new PeopleAnswer(total, hits, facets);
    }

    /// <summary>Members (nearest first), organisations and skills whose names start with the words typed.</summary>
    public TypeaheadAnswer Typeahead(long viewer, string typed)
    {
        _typeahead.Parameters["viewer"].Value = viewer;
        _typeahead.Parameters["typed"].Value = typed;
        var answer = new TypeaheadAnswer([], [], []);
        using var reader = _typeahead.ExecuteReader();
        while (reader.Read())
        {
            (reader.GetInt32(0) switch { 0 => answer.Members, 1 => answer.Organizations, _ => answer.Skills }).Add(reader.GetInt64(1));
        }

        return answer;
    }

    public List<(int Degree, long Member, long? Via)> PeopleYouKnow(long viewer, long organization)
    {
        _peopleYouKnow.Parameters["viewer"].Value = viewer;
        _peopleYouKnow.Parameters["organization"].Value = organization;
        var rows = new List<(int, long, long?)>();
        using var reader = _peopleYouKnow.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return rows;
    }

    public void Dispose()
    {
        _people.Dispose();
        _typeahead.Dispose();
        _peopleYouKnow.Dispose();
        _connection.Dispose();
    }
}

/// <summary>A people search: text (may be empty), at most one filter of each kind, degrees as DegreeFilter bits (0 = any), page from 1.</summary>
internal sealed record PeopleParameters(long Viewer, string Text, string? Location, long? OrganizationId, string? OrganizationSlug,
    long? SkillId, string? SkillName, int Degrees, int Page);

internal sealed record PeopleAnswer(int Total, List<long> Hits, List<(int Kind, string Value, long Count)> Facets);

internal sealed record TypeaheadAnswer(List<long> Members, List<long> Organizations, List<long> Skills);
