using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Messaging;

public static class MessagingEndpoints
{
    public static RouteGroupBuilder MapMessagingEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").WithTags("Messaging").RequireAuthorization();
        conversations.MapGet("/{id:long}", async (long id, int? page, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ViewConversation.ExecuteAsync(db, network, time, user.RequiredMemberId(), id, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("A conversation you take part in, messages oldest first, 50 a page; marks it read");
        conversations.MapPost("/{id:long}/messages", async (long id, SendMessage.Request request, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await SendMessage.ExecuteAsync(db, network, time, user.RequiredMemberId(), id, request, cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/conversations/{id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<MessageView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Write in a conversation you take part in {body}");
        return conversations;
    }
}
