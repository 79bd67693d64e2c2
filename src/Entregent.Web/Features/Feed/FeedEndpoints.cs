using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Feed;

public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/feed").WithTags("Feed").RequireAuthorization();
        // Strings rather than typed parameters, so that a malformed value answers with the field at fault.
        group.MapGet("/", async (string? before, string? limit, EntregentDb db, NetworkGraph network, FeedIndex index, IOptions<FeedOptions> options,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewFeed.ExecuteAsync(db, network, index, options.Value, user.RequiredMemberId(), before, limit, cancellationToken)).ToOk())
            .Produces<ViewFeed.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The home feed: posts from connections, followed members, organisations and hashtags, and joined groups, "
                + "newest first; each item says why it is there. Page with 'before' = the previous page's 'next' (limit 1–50, default 20)");
        return group;
    }
}
