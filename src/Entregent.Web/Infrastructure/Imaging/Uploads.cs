namespace Entregent.Web.Infrastructure.Imaging;

/// <summary>
/// Turns an uploaded picture into stored media: processed by <see cref="ImageProcessor"/>, saved by
/// <see cref="MediaStore"/>. Shared by profile photos, organisation logos and, later, post images.
/// </summary>
public sealed class Uploads(ImageProcessor processor, MediaStore media)
{
    public sealed record StoredImage(string Large, string Thumbnail);

    /// <param name="field">The form or JSON field named in the error.</param>
    public async Task<Outcome<StoredImage>> StoreAsync(Stream upload, ImageKind kind, string field, CancellationToken cancellationToken)
    {
        var result = await processor.ProcessAsync(upload, kind, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.Kind == ImageFailureKind.TooLarge
                ? Failure.TooLarge(field, result.Failure.Message)
                : Failure.Invalid(field, result.Failure.Message);
        }
        var large = result.Images[0];
        var thumbnail = result.Images.FirstOrDefault(i => i.Variant == ImageVariant.Thumbnail) ?? large;
        var largeName = await media.SaveAsync(large.Bytes, large.ContentType, cancellationToken);
        var thumbnailName = await media.SaveAsync(thumbnail.Bytes, thumbnail.ContentType, cancellationToken);
        return new StoredImage(largeName, thumbnailName);
    }

    /// <summary>
    /// The picture in a request: the first file of a multipart form (field "photo", "logo" or any), or the raw
    /// body when it is sent as image/*. Null when there is none.
    /// </summary>
    public static async Task<Stream?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Files.Count > 0 ? form.Files[0].OpenReadStream() : null;
        }
        return request.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? request.Body : null;
    }
}
