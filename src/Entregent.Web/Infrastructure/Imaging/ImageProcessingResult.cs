using System.Diagnostics.CodeAnalysis;

namespace Entregent.Web.Infrastructure.Imaging;

/// <summary>Why an upload was refused. <see cref="TooLarge"/> maps to HTTP 413, the others to 400.</summary>
public enum ImageFailureKind
{
    TooLarge,
    UnsupportedFormat,
    Corrupt,
    TooManyPixels,
}

/// <summary>A refused upload, with a message fit to show the member.</summary>
public sealed record ImageFailure(ImageFailureKind Kind, string Message)
{
    public int StatusCode => Kind == ImageFailureKind.TooLarge
        ? StatusCodes.Status413PayloadTooLarge
        : StatusCodes.Status400BadRequest;
}

/// <summary>One re-encoded size of an upload; carries no metadata from the original.</summary>
public sealed record ProcessedImage(ImageVariant Variant, byte[] Bytes, string ContentType, int Width, int Height);

/// <summary>Either the processed sizes of an upload (largest first) or the reason it was refused.</summary>
public sealed class ImageProcessingResult
{
    private ImageProcessingResult(IReadOnlyList<ProcessedImage> images, ImageFailure? failure)
    {
        Images = images;
        Failure = failure;
    }

    /// <summary>The sizes made, largest first; empty when the upload was refused.</summary>
    public IReadOnlyList<ProcessedImage> Images { get; }

    public ImageFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static ImageProcessingResult Success(IReadOnlyList<ProcessedImage> images) => new(images, null);

    public static ImageProcessingResult Failed(ImageFailureKind kind, string message) => new([], new ImageFailure(kind, message));
}
