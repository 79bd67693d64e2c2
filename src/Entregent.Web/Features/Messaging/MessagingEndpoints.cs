using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Messaging;

public static class MessagingEndpoints
{
    public static RouteGroupBuilder MapMessagingEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").WithTags("Messaging").RequireAuthorization();
        conversations.MapPost("/", async (OpenConversation.Request request, EntregentDb db, NetworkGraph network, MessagingNotifier notifier,
                IOptions<MessagingOptions> options, TimeProvider time, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await OpenConversation.ExecuteAsync(db, network, notifier, options, time, user.RequiredMemberId(), request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            return !outcome.Succeeded ? outcome.Failure!.ToProblem()
                : outcome.Value!.Repeated ? TypedResults.Ok(outcome.Value)
                : (IResult)TypedResults.Created($"/api/v1/conversations/{outcome.Value.Id}", outcome.Value);
        })
            .Produces<OpenConversation.Opened>(StatusCodes.Status201Created).Produces<OpenConversation.Opened>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Write to members {handles[], subject?, body, clientKey?}: one handle writes in your direct conversation with them, several open a group one");
        conversations.MapGet("/", async (string? folder, string? before, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListConversations.ExecuteAsync(db, network, user.RequiredMemberId(), folder, before, cancellationToken)).ToOk())
            .WithSummary("Your conversations in a folder (inbox, default; requests; archived), newest activity first, 30 a page; page on with before=nextBefore");
        conversations.MapGet("/{id:long}", async (long id, int? page, EntregentDb db, NetworkGraph network, MessagingNotifier notifier, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await ViewConversation.ExecuteAsync(db, network, time, user.RequiredMemberId(), id, page ?? 1, cancellationToken);
            if (outcome.Succeeded)
            {
                await notifier.UnreadChangedAsync(db, user.RequiredMemberId());
            }
            return outcome.ToOk();
        })
            .WithSummary("A conversation you take part in, messages oldest first, 50 a page; marks it read");
        conversations.MapPost("/{id:long}/messages", async (long id, SendMessage.Request request, EntregentDb db, NetworkGraph network,
                MessagingNotifier notifier, IOptions<MessagingOptions> options, TimeProvider time, ClaimsPrincipal user, HttpResponse response,
                CancellationToken cancellationToken) =>
        {
            var outcome = await SendMessage.ExecuteAsync(db, network, notifier, options, time, user.RequiredMemberId(), id, request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            return !outcome.Succeeded ? outcome.Failure!.ToProblem()
                : outcome.Value!.Repeated ? TypedResults.Ok(outcome.Value.Message)
                : (IResult)TypedResults.Created($"/api/v1/conversations/{id}", outcome.Value.Message);
        })
            .Produces<MessageView>(StatusCodes.Status201Created).Produces<MessageView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Write in a conversation you take part in {body, clientKey?}; a repeated clientKey answers 200 with the first message");
        MapAction(conversations, "read", ManageConversation.Action.Read, "Mark a conversation read");
        MapAction(conversations, "accept", ManageConversation.Action.Accept, "Accept a request: it moves to your inbox");
        MapAction(conversations, "decline", ManageConversation.Action.Decline, "Decline a request: you leave it, and nothing more from it reaches you; the sender is not told");
        MapAction(conversations, "archive", ManageConversation.Action.Archive, "Archive a conversation; a new message brings it back to the inbox");
        MapAction(conversations, "unarchive", ManageConversation.Action.Unarchive, "Bring an archived conversation back to the inbox");
        MapAction(conversations, "leave", ManageConversation.Action.Leave, "Leave a group conversation: you keep what came before and get nothing after");

        var me = app.MapGroup("/api/v1/me").WithTags("Messaging").RequireAuthorization();
        me.MapGet("/unread", async (EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListConversations.UnreadAsync(db, network, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("How many inbox conversations have unread messages, and how many requests wait");
        return conversations;
    }

    private static void MapAction(RouteGroupBuilder conversations, string verb, ManageConversation.Action action, string summary) =>
        conversations.MapPost($"/{{id:long}}/{verb}", async (long id, EntregentDb db, MessagingNotifier notifier, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ManageConversation.ExecuteAsync(db, notifier, time, user.RequiredMemberId(), id, action, cancellationToken)).ToNoContent())
            .WithSummary(summary);
}
