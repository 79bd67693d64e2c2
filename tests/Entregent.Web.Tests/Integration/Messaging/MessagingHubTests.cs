using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>
/// Live delivery through /hubs/messaging, with the SignalR .NET client on the test server: participants get each new
/// message and their unread counts; members outside the conversation, those who left it and those a block separates
/// get nothing. Non-delivery is proven by order: a later message to the same member arrives first.
/// </summary>
public class MessagingHubTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Send_DeliveredToParticipantsOnly_WithUnreadCounts()
    {
        var ann = await RegisterMemberAsync("Ann Live");
        var bob = await RegisterMemberAsync("Bob Live");
        var cat = await RegisterMemberAsync("Cat Live");
        var dan = await RegisterMemberAsync("Dan Gone");
        var eve = await RegisterMemberAsync("Eve Outside");
        foreach (var other in new[] { bob, cat, dan, eve })
        {
            await ConnectAsync(ann, other);
        }
        await ConnectAsync(bob, cat);
        var id = await ann.WriteToAsync([bob, cat, dan], "Welcome", "Team", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await dan.DoConversationActionAsync(id, "leave", Cancellation);
        await bob.DoConversationActionAsync(id, "read", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));

        await using var bobLive = await ListenAsync(bob, HttpTransportType.LongPolling);
        await using var catLive = await ListenAsync(cat, HttpTransportType.WebSockets);
        await using var danLive = await ListenAsync(dan, HttpTransportType.LongPolling);
        await using var eveLive = await ListenAsync(eve, HttpTransportType.WebSockets);
        await using var annLive = await ListenAsync(ann, HttpTransportType.LongPolling);

        var sent = await ann.ReplyAsync(id, "Hello team", Cancellation);

        foreach (var listener in new[] { bobLive, catLive, annLive })
        {
            var message = await listener.NextMessageAsync();
            Assert.Equal(id, message.GetProperty("conversationId").GetInt64());
            Assert.Equal(sent.Id(), message.GetProperty("id").GetInt64());
            Assert.Equal("Hello team", message.GetProperty("body").GetString());
            Assert.Equal(ann.Handle, message.GetProperty("authorHandle").GetString());
        }
        var unread = await bobLive.NextUnreadAsync();
        Assert.Equal(1, unread.GetProperty("conversations").GetInt32());

        // Dan left and Eve was never in it: the next message each gets is one written to them afterwards.
        var toDan = await ann.WriteToAsync([dan], "Just for Dan", cancellationToken: Cancellation);
        var toEve = await ann.WriteToAsync([eve], "Just for Eve", cancellationToken: Cancellation);
        Assert.Equal(toDan, (await danLive.NextMessageAsync()).GetProperty("conversationId").GetInt64());
        Assert.Equal(toEve, (await eveLive.NextMessageAsync()).GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public async Task Block_NothingCrossesIt_Live()
    {
        var ann = await RegisterMemberAsync("Ann Blocked Live");
        var bob = await RegisterMemberAsync("Bob Blocker Live");
        var cat = await RegisterMemberAsync("Cat Friend Live");
        await ConnectAsync(ann, bob);
        await ConnectAsync(cat, bob);
        var id = await ann.WriteToAsync([bob], "Before", cancellationToken: Cancellation);
        await bob.BlockAsync(ann, Cancellation);
        await using var bobLive = await ListenAsync(bob, HttpTransportType.WebSockets);

        using var refused = await ann.SendMessageAsync(id, "After the block", Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var fromCat = await cat.WriteToAsync([bob], "From Cat", cancellationToken: Cancellation);

        Assert.Equal(fromCat, (await bobLive.NextMessageAsync()).GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public async Task Connect_WithoutCredentials_Refused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/messaging"), options =>
            {
                options.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await using (connection)
        {
            var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Cancellation));
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        }
    }

    private async Task<Listener> ListenAsync(Member member, HttpTransportType transport)
    {
        var server = App.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/messaging"), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = transport;
                if (transport == HttpTransportType.WebSockets)
                {
                    // API clients pass the token in the query on the hub's path: WebSockets cannot carry a header from a browser.
                    options.SkipNegotiation = true;
                    options.WebSocketFactory = async (context, cancellationToken) =>
                    {
                        var uri = new UriBuilder(context.Uri) { Query = "access_token=" + Uri.EscapeDataString(member.AccessToken) }.Uri;
                        return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                    };
                }
                else
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(member.AccessToken);
                }
            })
            .Build();
        var listener = new Listener(connection);
        await connection.StartAsync(Cancellation);
        return listener;
    }

    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly BlockingCollection<JsonElement> _messages = [];
        private readonly BlockingCollection<JsonElement> _unread = [];

        public Listener(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("message", _messages.Add);
            connection.On<JsonElement>("unread", _unread.Add);
        }

        public Task<JsonElement> NextMessageAsync() => Task.Run(() => Take(_messages, "message"));

        public Task<JsonElement> NextUnreadAsync() => Task.Run(() => Take(_unread, "unread"));

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
            _messages.Dispose();
            _unread.Dispose();
        }

        private static JsonElement Take(BlockingCollection<JsonElement> queue, string name) =>
            queue.TryTake(out var item, Wait) ? item : throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No '{name}' event within {Wait.TotalSeconds} s."));
    }
}
