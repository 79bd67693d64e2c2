using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Introductions;

public static class IntroductionEndpoints
{
    public static RouteGroupBuilder MapIntroductionEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Introductions").RequireAuthorization();
        members.MapGet("/{handle}/introduction-paths", async (string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FindIntroductionPaths.ExecuteAsync(db, network, user.RequiredMemberId(), handle, cancellationToken)).ToOk())
            .WithSummary("Up to three paths through people you know to a member, strongest first, each hop explained");

        var introductions = app.MapGroup("/api/v1/introductions").WithTags("Introductions").RequireAuthorization();
        introductions.MapPost("/", async (RequestIntroduction.Request request, EntregentDb db, NetworkGraph network, IntroductionEmails emails,
                IOptions<IntroductionOptions> options, TimeProvider time, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await RequestIntroduction.ExecuteAsync(db, network, emails, options, time, user.RequiredMemberId(), request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/introductions/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<IntroductionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ask a connection to introduce you to a 2nd- or 3rd-degree member {to, through, message}");
        introductions.MapGet("/", async (string? box, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListIntroductions.ExecuteAsync(db, network, user.RequiredMemberId(), box, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("Introductions waiting for you (box=toAct, default), those you asked for (sent) or all; newest first, 50 a page");
        introductions.MapGet("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewIntroduction.ExecuteAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("An introduction you take part in: status, people, timeline and what you may do now");
        introductions.MapPost("/{id:long}/forward", async (long id, AnswerIntroduction.NoteRequest? request, EntregentDb db, NetworkGraph network,
                IntroductionEmails emails, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerIntroduction.ForwardAsync(db, network, emails, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("As the intermediary whose turn it is: pass the request on {note}");
        introductions.MapPost("/{id:long}/decline", async (long id, AnswerIntroduction.NoteRequest? request, EntregentDb db, NetworkGraph network,
                IntroductionEmails emails, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerIntroduction.DeclineAsync(db, network, emails, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("As the intermediary whose turn it is, or the target: decline {note}");
        introductions.MapPost("/{id:long}/accept", async (long id, EntregentDb db, NetworkGraph network, IntroductionEmails emails, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await AnswerIntroduction.AcceptAsync(db, network, emails, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("As the target: accept; a conversation opens between everyone on the path, and you may connect");
        introductions.MapDelete("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await AnswerIntroduction.WithdrawAsync(db, network, time, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Withdraw an introduction you asked for while it is open");
        return introductions;
    }
}
