namespace Entregent.Web.Infrastructure.Imaging;

public static class MediaEndpoints
{
    /// <summary>Stored pictures, by content hash: immutable, so cached for a year.</summary>
    public static IEndpointConventionBuilder MapMediaEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{name}", (string name, MediaStore media, HttpResponse response) =>
        {
            var stored = media.Find(name);
            if (stored is null)
            {
                return Results.NotFound();
            }
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(stored.PhysicalPath, stored.ContentType);
        }).WithTags("Media").ExcludeFromDescription();
}
