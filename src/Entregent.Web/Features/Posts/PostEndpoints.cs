namespace Entregent.Web.Features.Posts;

public static class PostEndpoints
{
    public static RouteGroupBuilder MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/posts").WithTags("Posts").RequireAuthorization();
        return group;
    }
}
