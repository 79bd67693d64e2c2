using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Email;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Asks;

public static class AskEndpoints
{
    public static RouteGroupBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var asks = app.MapGroup("/api/v1/asks").WithTags("Asks").RequireAuthorization();
        asks.MapPost("/", async (CreateAsk.Request request, EntregentDb db, NetworkGraph network, SearchIndex search, IOptions<AskOptions> options,
                TimeProvider time, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await CreateAsk.ExecuteAsync(db, network, search, options, time, user.RequiredMemberId(), request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/asks/{outcome.Value!.Ask.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<AskView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ask \"do you know someone with this profile?\" {text, skills, location, organization}: matches within 3 degrees, grouped by who can introduce");
        asks.MapGet("/", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ViewAsk.MineAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("My asks, newest first");
        asks.MapGet("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, SearchIndex search, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ViewAsk.ExecuteAsync(db, network, search, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("An ask: for its owner with live groups and requests (ask); for an asked connection, their request (request)");
        asks.MapPost("/{id:long}/close", async (long id, EntregentDb db, NetworkGraph network, SearchIndex search, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ViewAsk.CloseAsync(db, network, search, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Close my ask: no more requests or answers");
        asks.MapPost("/{id:long}/requests", async (long id, SendAskRequest.Request request, EntregentDb db, NetworkGraph network, SearchIndex search,
                IEmailSender email, TimeProvider time, ClaimsPrincipal user, HttpRequest http, CancellationToken cancellationToken) =>
        {
            var outcome = await SendAskRequest.ExecuteAsync(db, network, search, email, time, user.RequiredMemberId(), id, request,
                AccountEndpoints.BaseUrl(http), cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/asks/{id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<AskRequestView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask one of my connections about my ask {connection, note}, once per connection");

        var received = app.MapGroup("/api/v1").WithTags("Asks").RequireAuthorization();
        received.MapGet("/me/ask-requests", async (EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await AnswerAskRequest.InboxAsync(db, network, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("Asks my connections sent me, newest first");
        received.MapPost("/ask-requests/{id:long}/forward", async (long id, AnswerAskRequest.ForwardRequest request, EntregentDb db, NetworkGraph network,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerAskRequest.ForwardAsync(db, network, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Forward the ask to one of its candidates I know {candidate, note}: an introduction awaiting them");
        received.MapPost("/ask-requests/{id:long}/suggest", async (long id, AnswerAskRequest.SuggestRequest request, EntregentDb db, NetworkGraph network,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerAskRequest.SuggestAsync(db, network, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Suggest one of my connections instead {member, note}");
        received.MapPost("/ask-requests/{id:long}/decline", async (long id, AnswerAskRequest.DeclineRequest request, EntregentDb db, NetworkGraph network,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerAskRequest.DeclineAsync(db, network, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Decline a request {note}");
        return asks;
    }
}
