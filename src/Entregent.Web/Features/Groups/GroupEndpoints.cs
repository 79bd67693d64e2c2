namespace Entregent.Web.Features.Groups;

public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/groups").WithTags("Groups").RequireAuthorization();
        return group;
    }
}
