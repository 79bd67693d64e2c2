using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Recommendations;

public static class RecommendationEndpoints
{
    public static RouteGroupBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var recommendations = app.MapGroup("/api/v1/recommendations").WithTags("Recommendations").RequireAuthorization();
        recommendations.MapPost("/", async (WriteRecommendation.Request request, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Created(await WriteRecommendation.WriteAsync(db, network, markdown, time, user.RequiredMemberId(), request, cancellationToken)))
            .Produces<RecommendationView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Write a recommendation for a 1st-degree connection {for, relationship, organization, text}; it waits for their approval");
        recommendations.MapPost("/requests", async (RequestRecommendation.Request request, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Created(await RequestRecommendation.ExecuteAsync(db, network, markdown, time, user.RequiredMemberId(), request, cancellationToken)))
            .Produces<RecommendationView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Ask a 1st-degree connection to write you a recommendation {from, relationship, organization, message}");
        recommendations.MapPut("/{id:long}", async (long id, WriteRecommendation.EditRequest request, EntregentDb db, NetworkGraph network,
                MarkdownRenderer markdown, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await WriteRecommendation.EditAsync(db, network, markdown, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Rewrite your recommendation before it is approved, or write one asked of you {text, relationship}");
        recommendations.MapDelete("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await DecideRecommendation.WithdrawAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Withdraw a recommendation you wrote or were asked for, until it is approved");
        recommendations.MapPost("/{id:long}/approve", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideRecommendation.ApproveAsync(db, network, markdown, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Approve a recommendation written for you: it is shown on your profile");
        recommendations.MapPost("/{id:long}/hide", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideRecommendation.HideAsync(db, network, markdown, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Hide an approved recommendation from your profile");
        recommendations.MapPost("/{id:long}/show", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideRecommendation.ShowAsync(db, network, markdown, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Show a hidden recommendation on your profile again");
        recommendations.MapPost("/{id:long}/decline", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DecideRecommendation.DeclineAsync(db, network, markdown, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Decline: a request asked of you (author), or a recommendation written for you or your own request (recipient)");

        app.MapGroup("/api/v1/members").WithTags("Recommendations").RequireAuthorization()
            .MapGet("/{handle}/recommendations", async (string handle, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListRecommendations.OfAsync(db, network, markdown, user.RequiredMemberId(), handle, cancellationToken)).ToOk())
            .WithSummary("A member's approved recommendations, newest first (the owner also sees the hidden ones)");
        app.MapGroup("/api/v1/me").WithTags("Recommendations").RequireAuthorization()
            .MapGet("/recommendations", async (string? box, int? page, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListRecommendations.MineAsync(db, network, markdown, user.RequiredMemberId(), box, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("My recommendations: received (default), given, or requests to write; with the count waiting for my approval");
        return recommendations;
    }

    private static IResult Created(Outcome<RecommendationView> outcome) =>
        outcome.Succeeded ? TypedResults.Created($"/api/v1/recommendations/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
}
