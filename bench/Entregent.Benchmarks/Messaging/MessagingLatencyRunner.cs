using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Entregent.Benchmarks.Messaging;

/// <summary>
/// Send-to-delivery latency of messaging against a running app over real HTTP: pairs of fresh members (registered,
/// connected, one direct conversation each) with the recipient listening on /hubs/messaging over WebSockets; one
/// message at a time is sent through the API and timed until the recipient's "message" callback fires. The baseline
/// is the plain SQL way: the recipient polls the messages table every X ms, so delivery takes about X/2 plus the poll
/// query; the runner times that query on the same store.
/// </summary>
internal static class MessagingLatencyRunner
{
    public const string Usage = """
        messaging-latency --url http://127.0.0.1:5080 [--pairs 20] [--messages 1000] [--provider Sqlite|Postgres --connection "..."]
          Registers 2×pairs members through the API (the app must allow it: RateLimits__AccountPermits), connects each pair,
          opens their conversation, listens on the hub as each recipient, then sends the messages one at a time round-robin
          (the per-member hourly limit, 200 by default, must allow messages/pairs) and prints p50/p99 send-to-delivery.
          With --connection, also times the poll query a plain SQL design would run ("new messages in my conversations since id N").
        """;

    public static int Run(BenchArguments arguments)
    {
        var url = new Uri(arguments.String("url") ?? "http://127.0.0.1:5080");
        var pairs = Math.Max(1, arguments.Int("pairs", 20));
        var count = Math.Max(1, arguments.Int("messages", 1000));
        var results = RunAsync(url, pairs, count).GetAwaiter().GetResult();
        Console.WriteLine($"| send → hub callback, {count} messages over {pairs} pairs | {Timings.Ms(Timings.Median(results))} | {Timings.Ms(Timings.P99(results))} |");
        if (arguments.String("connection") is { } connection)
        {
            var provider = arguments.String("provider") ?? "Sqlite";
            var polls = PollQueryTimes(provider, connection, count);
            Console.WriteLine($"| poll query ({provider}), {polls.Count} runs | {Timings.Ms(Timings.Median(polls))} | {Timings.Ms(Timings.P99(polls))} |");
        }
        return 0;
    }

    private static async Task<List<double>> RunAsync(Uri url, int pairs, int count)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var run = Guid.NewGuid().ToString("N")[..8];
        var senders = new List<(string Token, long Conversation)>();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < pairs; i++)
            {
                var (senderToken, _) = await RegisterAsync(http, $"bench-{run}-s{i}");
                var (recipientToken, recipientHandle) = await RegisterAsync(http, $"bench-{run}-r{i}");
                var invitation = await PostAsync(http, senderToken, "/api/v1/invitations", new { to = recipientHandle, context = "other" });
                await PostAsync(http, recipientToken, $"/api/v1/invitations/{invitation.GetProperty("id").GetInt64()}/accept", new { });
                var opened = await PostAsync(http, senderToken, "/api/v1/conversations", new { handles = new[] { recipientHandle }, body = "Hello" });
                senders.Add((senderToken, opened.GetProperty("id").GetInt64()));
                var hub = new HubConnectionBuilder()
                    .WithUrl(new Uri(url, "/hubs/messaging"), options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                        options.AccessTokenProvider = () => Task.FromResult<string?>(recipientToken);
                    })
                    .Build();
                hub.On<JsonElement>("message", m =>
                {
                    var at = Stopwatch.GetTimestamp();
                    if (pending.TryRemove(m.GetProperty("body").GetString()!, out var waiting))
                    {
                        waiting.TrySetResult(at);
                    }
                });
                await hub.StartAsync();
                connections.Add(hub);
            }

            var times = new List<double>(count);
            var warmUp = Math.Min(20, count / 10);
            for (var i = 0; i < count + warmUp; i++)
            {
                var (token, conversation) = senders[i % senders.Count];
                var body = $"m{i}-{run}";
                var delivered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                pending[body] = delivered;
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
                {
                    Content = JsonContent.Create(new { body }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var end = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
                if (i >= warmUp)
                {
                    times.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
                }
            }
            return times;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The poll a plain SQL design runs every X ms for each open page: new messages since the last one seen, in the
    /// member's conversations. Timed on random members that have conversations, one query at a time.
    /// </summary>
    private static List<double> PollQueryTimes(string provider, string connectionString, int count)
    {
        using DbConnection connection = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        connection.Open();
        var members = new List<(long Member, long After)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT p."MemberId", MAX(m."Id") FROM conversation_participants p JOIN messages m ON m."ConversationId" = p."ConversationId"
                GROUP BY p."MemberId" LIMIT 1000
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                members.Add((reader.GetInt64(0), reader.GetInt64(1) - 1));
            }
        }
        if (members.Count == 0)
        {
            return [0];
        }
        using var poll = connection.CreateCommand();
        poll.CommandText = """
            SELECT m."Id", m."ConversationId", m."AuthorId", m."Body", m."SentAt" FROM messages m
            WHERE m."Id" > @after AND m."ConversationId" IN
                (SELECT p."ConversationId" FROM conversation_participants p WHERE p."MemberId" = @member AND p."LeftAt" IS NULL)
            ORDER BY m."Id"
            """;
        var member = poll.CreateParameter();
        member.ParameterName = "@member";
        poll.Parameters.Add(member);
        var after = poll.CreateParameter();
        after.ParameterName = "@after";
        poll.Parameters.Add(after);
        var queries = Enumerable.Range(0, count).Select(i => members[i % members.Count]).ToList();
        return Timings.Time(queries, q =>
        {
            member.Value = q.Member;
            after.Value = q.After;
            using var reader = poll.ExecuteReader();
            while (reader.Read())
            {
            }
        });
    }

    private static async Task<(string Token, string Handle)> RegisterAsync(HttpClient http, string name)
    {
        var email = name + "@bench.example.org";
        const string Password = "Bench-passw0rd!";
        using var registered = await http.PostAsJsonAsync("/api/v1/accounts", new { email, password = Password, displayName = name });
        registered.EnsureSuccessStatusCode();
        var handle = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString()!;
        using var token = await http.PostAsJsonAsync("/api/v1/accounts/token", new { email, password = Password });
        token.EnsureSuccessStatusCode();
        return ((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!, handle);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }
}
