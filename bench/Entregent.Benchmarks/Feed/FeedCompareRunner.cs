using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using static Entregent.Benchmarks.Timings;

namespace Entregent.Benchmarks.Feed;

/// <summary>
/// Issue 6's home feed: the app's <c>GET /api/v1/feed</c> (in-memory feed index, then a few store reads to render the
/// page) against one plain SQL query on PostgreSQL answering the same question with the same sources and the visibility
/// rules SQL can express (<see cref="Sql"/>), one request at a time, first page and second page (after the cursor), for
/// sampled viewers. Starts nothing: the app runs on the PostgreSQL database given (bench/load/feed.sh does it all).
/// </summary>
internal static class FeedCompareRunner
{
    public const string Usage = """
        feed-compare --pg "Host=127.0.0.1;Port=5432;Username=postgres;Database=entregent_load" --app http://127.0.0.1:5080
                     [--viewers 300] [--paths-out <folder>]
          Samples demo members spread over the ids as viewers, signs them in, then times page 1 and page 2 of each
          one's feed on the app and the same pages with the SQL query, one at a time after an untimed pass over the first
          30. Prints p50, p90, p99 and max per page and side, the aim (p99 < 100 ms), and how often the first pages agree.
          --paths-out writes "email /api/v1/feed" lines (feed.txt) for wrk.
        """;

    private const string DemoPassword = "demo-password-2026";
    private const int PageSize = 20;

    /// <summary>
    /// The baseline: one statement, each source read newest-first through its own index (a LATERAL per source with the
    /// page's limit, as one would write it by hand), then merged, de-duplicated and filtered. Rules expressed: published
    /// only; group posts only through joined groups the viewer may read (internal ones: verified members); outside
    /// groups, "connections" posts only from connections; blocks both ways; reach "within three degrees" reduced to
    /// connections and "colleagues" left out (the app applies both exactly, from the graph).
    /// </summary>
    private const string Sql = """
        WITH conn AS (
            SELECT CASE WHEN c."MemberId" = @v THEN c."OtherMemberId" ELSE c."MemberId" END AS id
            FROM connections c WHERE c."MemberId" = @v OR c."OtherMemberId" = @v),
        blocked AS (
            SELECT CASE WHEN b."BlockerId" = @v THEN b."BlockedId" ELSE b."BlockerId" END AS id
            FROM blocks b WHERE b."BlockerId" = @v OR b."BlockedId" = @v),
        authors AS (
            SELECT @v AS id, true AS connected
            UNION SELECT id, true FROM conn
            UNION SELECT f."FollowedMemberId", false FROM follows f
                  WHERE f."FollowerId" = @v AND f."FollowedMemberId" IS NOT NULL AND f."FollowedMemberId" NOT IN (SELECT id FROM conn)),
        joined AS (
            SELECT gm."GroupId" AS id FROM group_memberships gm JOIN groups g ON g."Id" = gm."GroupId"
            WHERE gm."MemberId" = @v AND gm."State" = 0
              AND (NOT g."IsInternal" OR EXISTS (SELECT 1 FROM organization_verifications ov
                                                 WHERE ov."MemberId" = @v AND ov."OrganizationId" = g."OrganizationId"))),
        candidates AS (
            SELECT p."Id", p."CreatedAt", p."AuthorId" FROM authors a CROSS JOIN LATERAL (
                SELECT p."Id", p."CreatedAt", p."AuthorId" FROM posts p
                WHERE p."AuthorId" = a.id AND p."State" = 0 AND (p."GroupId" IS NULL OR a.id = @v)
                  AND (p."Audience" = 0 OR a.connected) /*cursor*/
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT 21) p
            UNION
            SELECT p."Id", p."CreatedAt", p."AuthorId" FROM joined j CROSS JOIN LATERAL (
                SELECT p."Id", p."CreatedAt", p."AuthorId" FROM posts p
                WHERE p."GroupId" = j.id AND p."State" = 0 /*cursor*/
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT 21) p
            UNION
            SELECT p."Id", p."CreatedAt", p."AuthorId" FROM follows f CROSS JOIN LATERAL (
                SELECT p."Id", p."CreatedAt", p."AuthorId" FROM posts p
                WHERE p."OrganizationId" = f."FollowedOrganizationId" AND p."GroupId" IS NULL AND p."State" = 0
                  AND (p."Audience" = 0 OR p."AuthorId" IN (SELECT id FROM conn)) /*cursor*/
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT 21) p
            WHERE f."FollowerId" = @v AND f."FollowedOrganizationId" IS NOT NULL
            UNION
            SELECT p."Id", p."CreatedAt", p."AuthorId" FROM hashtag_follows hf CROSS JOIN LATERAL (
                SELECT p."Id", p."CreatedAt", p."AuthorId" FROM post_hashtags h JOIN posts p ON p."Id" = h."PostId"
                WHERE h."Tag" = hf."Tag" AND p."GroupId" IS NULL AND p."State" = 0
                  AND (p."Audience" = 0 OR p."AuthorId" IN (SELECT id FROM conn)) /*cursor*/
                ORDER BY p."CreatedAt" DESC, p."Id" DESC LIMIT 21) p
            WHERE hf."MemberId" = @v)
        SELECT c."Id", c."CreatedAt" FROM candidates c LEFT JOIN profiles pr ON pr."MemberId" = c."AuthorId"
        WHERE c."AuthorId" NOT IN (SELECT id FROM blocked)
          AND (c."AuthorId" = @v OR pr."Reach" IS NULL OR pr."Reach" = 0 OR (pr."Reach" = 1 AND c."AuthorId" IN (SELECT id FROM conn)))
        ORDER BY c."CreatedAt" DESC, c."Id" DESC LIMIT 21
        """;

    private const string CursorPredicate = """AND (p."CreatedAt", p."Id") < (@t, @id)""";

    public static int Run(BenchArguments arguments)
    {
        var pg = arguments.String("pg") ?? throw new ArgumentException("--pg is required: " + Usage);
        var address = arguments.String("app") ?? throw new ArgumentException("--app is required: " + Usage);
        var count = arguments.Int("viewers", 300);

        using var connection = new NpgsqlConnection(pg);
        connection.Open();
        var viewers = SampleViewers(connection, count);
        var posts = Scalar(connection, "SELECT COUNT(*) FROM posts");
        Console.WriteLine($"{viewers.Count} viewers sampled; {posts:N0} posts in the store");
        if (arguments.String("paths-out") is { } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllLines(Path.Combine(folder, "feed.txt"), viewers.Select(v => v.Email + " /api/v1/feed"));
        }

        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        var tokens = viewers.ToDictionary(v => v.Id, v => SignIn(http, v.Email));
        var firstSql = new NpgsqlCommand(Sql.Replace("/*cursor*/", string.Empty, StringComparison.Ordinal), connection);
        var nextSql = new NpgsqlCommand(Sql.Replace("/*cursor*/", CursorPredicate, StringComparison.Ordinal), connection);
        firstSql.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Bigint));
        nextSql.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Bigint));
        nextSql.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.TimestampTz));
        nextSql.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint));
        firstSql.Prepare();
        nextSql.Prepare();

        // Untimed pass: JIT, caches, prepared plans.
        foreach (var viewer in viewers.Take(30))
        {
            AppPage(http, tokens[viewer.Id], null);
            SqlPage(firstSql, viewer.Id);
        }

        var appFirst = new List<double>();
        var appNext = new List<double>();
        var sqlFirst = new List<double>();
        var sqlNext = new List<double>();
        var agree = 0;
        var appItems = 0L;
        var sqlItems = 0L;
        foreach (var viewer in viewers)
        {
            var start = Stopwatch.GetTimestamp();
            var (ids, next) = AppPage(http, tokens[viewer.Id], null);
            appFirst.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            appItems += ids.Count;
            if (next is not null)
            {
                start = Stopwatch.GetTimestamp();
                AppPage(http, tokens[viewer.Id], next);
                appNext.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            start = Stopwatch.GetTimestamp();
            var rows = SqlPage(firstSql, viewer.Id);
            sqlFirst.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            sqlItems += Math.Min(rows.Count, PageSize);
            if (rows.Count > PageSize)
            {
                var last = rows[PageSize - 1];
                nextSql.Parameters["v"].Value = viewer.Id;
                nextSql.Parameters["t"].Value = last.CreatedAt;
                nextSql.Parameters["id"].Value = last.Id;
                start = Stopwatch.GetTimestamp();
                Read(nextSql);
                sqlNext.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            if (ids.SequenceEqual(rows.Take(PageSize).Select(r => r.Id)))
            {
                agree++;
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Query | side | n | p50 | p90 | p99 | max | aim |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
        Row("feed, page 1", "app GET /api/v1/feed", appFirst);
        Row("feed, page 1", "PostgreSQL, one query", sqlFirst);
        Row("feed, page 2", "app GET /api/v1/feed?before=…", appNext);
        Row("feed, page 2", "PostgreSQL, one query", sqlNext);
        Console.WriteLine();
        Console.WriteLine($"Items on page 1: app {(double)appItems / viewers.Count:F1} on average, SQL {(double)sqlItems / viewers.Count:F1}; "
            + $"first pages identical for {agree} of {viewers.Count} viewers (the SQL approximates reach; see the query's comment).");
        return 0;
    }

    private static void Row(string query, string side, List<double> times)
    {
        if (times.Count == 0)
        {
            Console.WriteLine($"| {query} | {side} | 0 | | | | | |");
            return;
        }
        Console.WriteLine($"| {query} | {side} | {times.Count} | {Ms(Median(times))} | {Ms(Percentile(times, 0.9))} | {Ms(P99(times))} | {Ms(times.Max())} | p99 < 100 ms |");
    }

    private static List<(long Id, string Email)> SampleViewers(NpgsqlConnection connection, int count)
    {
        var all = new List<(long, string)>();
        using var command = new NpgsqlCommand("""SELECT "Id", "Email" FROM members WHERE "Email" LIKE 'demo%@entregent.example' ORDER BY "Id" """, connection);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                all.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        var step = Math.Max(1, all.Count / Math.Max(1, count));
        return all.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string SignIn(HttpClient http, string email)
    {
        using var response = http.PostAsJsonAsync("/api/v1/accounts/token", new { email, password = DemoPassword }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static (List<long> Ids, string? Next) AppPage(HttpClient http, string token, string? before)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/feed" + (before is null ? "" : "?before=" + Uri.EscapeDataString(before)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(response.Content.ReadAsStream());
        var ids = body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("post").GetProperty("id").GetInt64()).ToList();
        var next = body.RootElement.GetProperty("next");
        return (ids, next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    private static List<(long Id, DateTime CreatedAt)> SqlPage(NpgsqlCommand command, long viewer)
    {
        command.Parameters["v"].Value = viewer;
        return Read(command);
    }

    private static List<(long Id, DateTime CreatedAt)> Read(NpgsqlCommand command)
    {
        var rows = new List<(long, DateTime)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetDateTime(1)));
        }
        return rows;
    }
}
