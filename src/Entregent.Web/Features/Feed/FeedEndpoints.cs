namespace Entregent.Web.Features.Feed;

public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/feed").WithTags("Feed").RequireAuthorization();
        return group;
    }
}
