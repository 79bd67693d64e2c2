using SkiaSharp;

namespace Entregent.Web.Infrastructure.Imaging;

/// <summary>
/// Turns an untrusted upload into re-encoded images of known sizes. Safe to share: one instance for the app.
/// </summary>
/// <remarks>
/// Order of checks, cheapest first, so hostile input costs as little as possible: the byte limit while reading,
/// the magic bytes, then the dimensions from the header (before any pixel memory is allocated), then the decode.
/// Re-encoding from pixels is what strips metadata (EXIF with its GPS position, XMP, comments): nothing of the original
/// file is copied through.
/// </remarks>
public sealed class ImageProcessor
{
    /// <summary>The largest upload accepted, 5 MiB; reading stops one byte past it.</summary>
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>Longest side accepted.</summary>
    public const int MaxSide = 10_000;

    /// <summary>Most pixels accepted, 40 megapixels: a decoded 40 MP image already needs 160 MB.</summary>
    public const long MaxPixels = 40_000_000;

    private const int WebpQuality = 80;
    private const int JpegQuality = 85;

    private static readonly SKSamplingOptions Downscale = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    // Decoded pixels dominate memory (up to 160 MB each), so the process runs no more decodes at once than it has cores.
    private static readonly SemaphoreSlim DecodeSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// Reads at most <see cref="MaxUploadBytes"/> + 1 bytes from <paramref name="input"/>, checks and decodes the
    /// image, and returns the sizes for <paramref name="kind"/> as WebP (JPEG if this platform cannot encode WebP).
    /// Expected refusals are returned, never thrown.
    /// </summary>
    public async Task<ImageProcessingResult> ProcessAsync(Stream input, ImageKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var bytes = await ReadLimitedAsync(input, cancellationToken);
        if (bytes is null)
        {
            return ImageProcessingResult.Failed(ImageFailureKind.TooLarge, "The image is larger than 5 MB.");
        }

        var format = Sniff(bytes);
        if (format is null)
        {
            return ImageProcessingResult.Failed(ImageFailureKind.UnsupportedFormat, "Upload a JPEG, PNG or WebP image.");
        }

        await DecodeSlots.WaitAsync(cancellationToken);
        try
        {
            return Process(bytes, format.Value, kind, cancellationToken);
        }
        finally
        {
            DecodeSlots.Release();
        }
    }

    /// <summary>The format named by the file's first bytes, or null when it is none of JPEG, PNG, WebP.</summary>
    internal static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    /// <summary>
    /// The transform from stored pixels to upright pixels for an EXIF orientation. Orientations 5 to 8 swap width
    /// and height. See the EXIF 2.32 specification, tag 0x0112: each value names where row 0 and column 0 of the
    /// stored image belong when displayed.
    /// </summary>
    internal static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    internal static bool SwapsDimensions(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The whole upload, or null as soon as it passes <see cref="MaxUploadBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream input, CancellationToken cancellationToken)
    {
        // One byte of headroom tells "exactly 5 MB" from "more"; never ask the stream for more than that.
        const int Limit = MaxUploadBytes + 1;
        using var collected = new MemoryStream();
        var chunk = new byte[81_920];
        while (collected.Length < Limit)
        {
            var wanted = (int)Math.Min(chunk.Length, Limit - collected.Length);
            var read = await input.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                return collected.ToArray();
            }

            collected.Write(chunk, 0, read);
        }

        return null;
    }

    private static ImageProcessingResult Process(byte[] bytes, SKEncodedImageFormat format, ImageKind kind, CancellationToken cancellationToken)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return Corrupt();
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return Corrupt();
        }

        if (info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
        {
            return ImageProcessingResult.Failed(
                ImageFailureKind.TooManyPixels,
                $"The image is {info.Width} × {info.Height} pixels; at most {MaxSide} pixels a side and 40 megapixels are accepted.");
        }

        if (codec.FrameCount > 1)
        {
            return ImageProcessingResult.Failed(ImageFailureKind.UnsupportedFormat, "Animated images are not supported.");
        }

        var sizes = Sizes(kind);
        using var decoded = Decode(codec, sizes[0]);
        if (decoded is null)
        {
            return Corrupt();
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var rotated = codec.EncodedOrigin is SKEncodedOrigin.TopLeft ? null : Orient(decoded, codec.EncodedOrigin);
        var upright = rotated ?? decoded;
        // Immutable pixels let the image share them instead of copying up to 160 MB.
        upright.SetImmutable();
        using var uprightImage = SKImage.FromBitmap(upright);

        var images = new List<ProcessedImage>(sizes.Length);
        foreach (var (variant, box, crop) in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            images.Add(Resize(uprightImage, variant, box, crop));
        }

        return ImageProcessingResult.Success(images);

        static ImageProcessingResult Corrupt() =>
            ImageProcessingResult.Failed(ImageFailureKind.Corrupt, "The file could not be read as an image; it may be damaged.");
    }

    /// <summary>
    /// The pixels, or null when the file is damaged. JPEG and WebP can decode straight to a smaller size (JPEG in
    /// eighths); asking for the smallest one still covering the largest output saves most of the memory and time a
    /// 40-megapixel photo would cost when it becomes a 400 px avatar.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, (ImageVariant Variant, int Box, bool Crop) largest)
    {
        var info = codec.Info;
        var side = largest.Crop ? Math.Min(info.Width, info.Height) : Math.Max(info.Width, info.Height);
        var size = new SKSizeI(info.Width, info.Height);
        if (side > largest.Box)
        {
            var scaled = codec.GetScaledDimensions((float)largest.Box / side);
            var scaledSide = largest.Crop ? Math.Min(scaled.Width, scaled.Height) : Math.Max(scaled.Width, scaled.Height);
            if (scaledSide >= largest.Box && scaled.Width <= info.Width && scaled.Height <= info.Height)
            {
                size = scaled;
            }
        }

        var bitmap = TryDecode(codec, size);
        if (bitmap is null && size != new SKSizeI(info.Width, info.Height))
        {
            bitmap = TryDecode(codec, new SKSizeI(info.Width, info.Height));
        }

        return bitmap;
    }

    private static SKBitmap? TryDecode(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(
            size.Width,
            size.Height,
            SKImageInfo.PlatformColorType,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        // A truncated file decodes "successfully" to a partly grey picture with IncompleteInput; refuse it.
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static (ImageVariant Variant, int Box, bool Crop)[] Sizes(ImageKind kind) => kind switch
    {
        ImageKind.ProfilePhoto => [(ImageVariant.Large, 400, true), (ImageVariant.Thumbnail, 96, true)],
        ImageKind.OrganisationLogo => [(ImageVariant.Large, 400, false), (ImageVariant.Thumbnail, 96, false)],
        ImageKind.PostImage => [(ImageVariant.Large, 1600, false), (ImageVariant.Thumbnail, 400, false)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = SwapsDimensions(origin);
        var info = source.Info.WithSize(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        var result = new SKBitmap(info);
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(OrientationMatrix(origin, source.Width, source.Height));
        // The transform maps pixels onto pixels exactly, so nearest sampling loses nothing.
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return result;
    }

    /// <summary>
    /// Fits the image in a <paramref name="box"/>-pixel square, or with <paramref name="crop"/> fills it from the
    /// centred square of the image. Never enlarges: a small upload stays small rather than blurry.
    /// </summary>
    private static ProcessedImage Resize(SKImage source, ImageVariant variant, int box, bool crop)
    {
        SKRectI sourceRect;
        int width, height;
        if (crop)
        {
            var side = Math.Min(source.Width, source.Height);
            sourceRect = SKRectI.Create((source.Width - side) / 2, (source.Height - side) / 2, side, side);
            width = height = Math.Min(side, box);
        }
        else
        {
            sourceRect = SKRectI.Create(0, 0, source.Width, source.Height);
            var scale = Math.Min(1.0, (double)box / Math.Max(source.Width, source.Height));
            width = Math.Max(1, (int)Math.Round(source.Width * scale));
            height = Math.Max(1, (int)Math.Round(source.Height * scale));
        }

        var info = new SKImageInfo(width, height, SKImageInfo.PlatformColorType, source.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var target = new SKBitmap(info);
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawImage(source, sourceRect, SKRect.Create(width, height), Downscale);
        }

        var (bytes, contentType) = Encode(target);
        return new ProcessedImage(variant, bytes, contentType, width, height);
    }

    private static (byte[] Bytes, string ContentType) Encode(SKBitmap bitmap)
    {
        using var pixmap = bitmap.PeekPixels();
        using (var webp = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality)))
        {
            if (webp is not null)
            {
                return (webp.ToArray(), "image/webp");
            }
        }

        // Only reached on a SkiaSharp build without libwebp; JPEG has no alpha, so transparency turns black.
        using var jpeg = pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("SkiaSharp could encode neither WebP nor JPEG.");
        return (jpeg.ToArray(), "image/jpeg");
    }
}
