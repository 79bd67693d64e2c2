namespace Entregent.Web.Features.Watches;

public static class WatchEndpoints
{
    public static RouteGroupBuilder MapWatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/watches").WithTags("Watches").RequireAuthorization();
        return group;
    }
}
