using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Watches;

public static class WatchEndpoints
{
    public static RouteGroupBuilder MapWatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/watches").WithTags("Watches").RequireAuthorization();
        group.MapGet("/", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListWatches.MineAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("My watches (saved searches and keyword watches), newest first");
        group.MapPost("/", async (SaveWatch.Request request, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await SaveWatch.CreateAsync(db, time, user.RequiredMemberId(), request, cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/watches/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<WatchView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a watch: {kind: keywords, name, keywords, exclusions, sources: [people, posts, groups]} or "
                + "{kind: savedSearch, name, query: the people search's query string}; new matches notify");
        group.MapGet("/{id:long}", async (long id, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ListWatches.OneAsync(db, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("One of my watches");
        group.MapPut("/{id:long}", async (long id, SaveWatch.Request request, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await SaveWatch.UpdateAsync(db, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Edit one of my watches (its kind stays)");
        group.MapDelete("/{id:long}", async (long id, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ListWatches.DeleteAsync(db, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Delete one of my watches");
        group.MapGet("/{id:long}/matches", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await WatchMatches.ExecuteAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("A watch's recent matches (50 at most), newest first, among what I may still see");
        return group;
    }
}
