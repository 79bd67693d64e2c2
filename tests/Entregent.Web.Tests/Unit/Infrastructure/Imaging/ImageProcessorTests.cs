using System.Text;
using Entregent.Web.Infrastructure.Imaging;
using SkiaSharp;

namespace Entregent.Web.Tests.Unit.Infrastructure.Imaging;

public class ImageProcessorTests
{
    private readonly ImageProcessor _processor = new();

    [Fact]
    public void SkiaSharp_NativeLibrary_Loads()
    {
        // Fails with DllNotFoundException when libSkiaSharp.so is missing or cannot load on this distribution.
        using var bitmap = new SKBitmap(1, 1);
        Assert.Equal(1, bitmap.Width);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task ProcessAsync_ProfilePhoto_CropsToSquaresAsWebp(SKEncodedImageFormat format)
    {
        var result = await ProcessAsync(TestImages.Encode(800, 600, format), ImageKind.ProfilePhoto);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Collection(
            result.Images,
            large => AssertImage(large, ImageVariant.Large, 400, 400),
            thumbnail => AssertImage(thumbnail, ImageVariant.Thumbnail, 96, 96));
    }

    [Theory]
    [InlineData(ImageKind.OrganisationLogo, 800, 200, 400, 100, 96, 24)]
    [InlineData(ImageKind.OrganisationLogo, 200, 800, 100, 400, 24, 96)]
    [InlineData(ImageKind.PostImage, 2000, 1000, 1600, 800, 400, 200)]
    [InlineData(ImageKind.PostImage, 300, 200, 300, 200, 300, 200)]
    [InlineData(ImageKind.ProfilePhoto, 60, 50, 50, 50, 50, 50)]
    [InlineData(ImageKind.ProfilePhoto, 300, 900, 300, 300, 96, 96)]
    public async Task ProcessAsync_Kind_FitsBoxesWithoutEnlarging(
        ImageKind kind, int width, int height, int largeWidth, int largeHeight, int thumbWidth, int thumbHeight)
    {
        var result = await ProcessAsync(TestImages.Encode(width, height, SKEncodedImageFormat.Png), kind);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Collection(
            result.Images,
            large => AssertImage(large, ImageVariant.Large, largeWidth, largeHeight),
            thumbnail => AssertImage(thumbnail, ImageVariant.Thumbnail, thumbWidth, thumbHeight));
    }

    [Fact]
    public async Task ProcessAsync_ProfilePhoto_CropsTheCentre()
    {
        // 900 × 300, red | blue halves: the centred 300 × 300 square is half red, half blue.
        var result = await ProcessAsync(TestImages.Encode(900, 300, SKEncodedImageFormat.Png), ImageKind.ProfilePhoto);

        using var large = SKBitmap.Decode(result.Images[0].Bytes);
        AssertColour(SKColors.Red, large.GetPixel(20, 150));
        AssertColour(SKColors.Blue, large.GetPixel(280, 150));
    }

    // Large JPEG and WebP files are decoded straight to a reduced size; the result must look the same.
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    [InlineData(SKEncodedImageFormat.Png)]
    public async Task ProcessAsync_LargePhoto_DownscaledCorrectly(SKEncodedImageFormat format)
    {
        var result = await ProcessAsync(TestImages.Encode(3000, 1000, format), ImageKind.PostImage);

        Assert.True(result.Succeeded, result.Failure?.Message);
        AssertImage(result.Images[0], ImageVariant.Large, 1600, 533);
        AssertImage(result.Images[1], ImageVariant.Thumbnail, 400, 133);
        using var large = SKBitmap.Decode(result.Images[0].Bytes);
        AssertColour(SKColors.Red, large.GetPixel(700, 266));
        AssertColour(SKColors.Blue, large.GetPixel(900, 266));
    }

    [Fact]
    public async Task ProcessAsync_TransparentLogo_KeepsTransparency()
    {
        using var bitmap = new SKBitmap(200, 100, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(SKColors.Transparent);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Green })
        {
            canvas.DrawRect(SKRect.Create(50, 25, 100, 50), paint);
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var result = await ProcessAsync(png.ToArray(), ImageKind.OrganisationLogo);

        Assert.True(result.Succeeded, result.Failure?.Message);
        using var logo = SKBitmap.Decode(result.Images[0].Bytes);
        Assert.Equal(0, logo.GetPixel(5, 5).Alpha);
        AssertColour(SKColors.Green, logo.GetPixel(100, 50));
    }

    [Fact]
    public async Task ProcessAsync_TextRenamedJpg_UnsupportedFormat()
    {
        var result = await ProcessAsync(Encoding.UTF8.GetBytes("This is not a photo, only a file called photo.jpg\n"), ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.UnsupportedFormat, 400);
    }

    [Theory]
    [InlineData("GIF89a")]
    [InlineData("BM")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")]
    [InlineData("")]
    public async Task ProcessAsync_OtherFormats_UnsupportedFormat(string content)
    {
        var result = await ProcessAsync(Encoding.ASCII.GetBytes(content), ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.UnsupportedFormat, 400);
    }

    [Fact]
    public async Task ProcessAsync_TruncatedJpeg_Corrupt()
    {
        var jpeg = TestImages.Encode(400, 300, SKEncodedImageFormat.Jpeg);

        var result = await ProcessAsync(jpeg[..(jpeg.Length / 2)], ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.Corrupt, 400);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x03 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0x04, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50 })]
    public async Task ProcessAsync_MagicBytesThenGarbage_Corrupt(byte[] content)
    {
        var result = await ProcessAsync(content, ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.Corrupt, 400);
    }

    [Fact]
    public async Task ProcessAsync_OneByteOverLimit_TooLarge()
    {
        var content = new byte[ImageProcessor.MaxUploadBytes + 1];
        TestImages.Encode(10, 10, SKEncodedImageFormat.Png).CopyTo(content, 0);

        var result = await ProcessAsync(content, ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.TooLarge, 413);
    }

    [Fact]
    public async Task ProcessAsync_EndlessStream_StopsReadingOneBytePastLimit()
    {
        using var endless = new EndlessStream();

        var result = await _processor.ProcessAsync(endless, ImageKind.ProfilePhoto, TestContext.Current.CancellationToken);

        AssertFailure(result, ImageFailureKind.TooLarge, 413);
        Assert.Equal(ImageProcessor.MaxUploadBytes + 1, endless.BytesRead);
    }

    [Theory]
    [InlineData(20_000, 100)]
    [InlineData(100, 10_001)]
    [InlineData(8_000, 6_000)]
    [InlineData(65_535, 65_535)]
    public async Task ProcessAsync_HugeDimensionsInHeader_TooManyPixels(int width, int height)
    {
        var result = await ProcessAsync(TestImages.PngClaiming(width, height), ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.TooManyPixels, 400);
    }

    [Fact]
    public async Task ProcessAsync_ExifRotatedJpeg_TurnsUprightAndDropsExif()
    {
        // Stored 80 × 40 with red left, blue right; orientation 6 means "rotate 90° clockwise to display",
        // so upright it is 40 × 80 with red on top.
        var jpeg = TestImages.WithExifOrientation(TestImages.Encode(80, 40, SKEncodedImageFormat.Jpeg), 6);
        using (var codec = SKCodec.Create(new MemoryStream(jpeg)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        }

        var result = await ProcessAsync(jpeg, ImageKind.PostImage);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var large = result.Images[0];
        Assert.Equal((40, 80), (large.Width, large.Height));
        using var bitmap = SKBitmap.Decode(large.Bytes);
        AssertColour(SKColors.Red, bitmap.GetPixel(20, 10));
        AssertColour(SKColors.Blue, bitmap.GetPixel(20, 70));
        AssertNoMetadata(large.Bytes);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task ProcessAsync_Output_CarriesNoMetadata(SKEncodedImageFormat format)
    {
        var input = TestImages.Encode(120, 100, format);
        if (format == SKEncodedImageFormat.Jpeg)
        {
            input = TestImages.WithExifOrientation(input, 1);
        }

        var result = await ProcessAsync(input, ImageKind.ProfilePhoto);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.All(result.Images, image => AssertNoMetadata(image.Bytes));
    }

    [Fact]
    public async Task ProcessAsync_AnimatedWebp_UnsupportedFormat()
    {
        using var red = new SKBitmap(16, 16);
        red.Erase(SKColors.Red);
        using var blue = new SKBitmap(16, 16);
        blue.Erase(SKColors.Blue);
        SKWebpEncoderFrame[] frames = [new(red, TimeSpan.FromMilliseconds(100)), new(blue, TimeSpan.FromMilliseconds(100))];
        using var animated = SKWebpEncoder.EncodeAnimated(frames, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100));

        var result = await ProcessAsync(animated!.ToArray(), ImageKind.ProfilePhoto);

        AssertFailure(result, ImageFailureKind.UnsupportedFormat, 400);
        Assert.Contains("Animated", result.Failure!.Message, StringComparison.Ordinal);
    }

    // Where the centre of the stored image's top-left pixel lands in a 4 × 2 image, for each EXIF orientation.
    [Theory]
    [InlineData(SKEncodedOrigin.TopLeft, 0.5f, 0.5f)]
    [InlineData(SKEncodedOrigin.TopRight, 3.5f, 0.5f)]
    [InlineData(SKEncodedOrigin.BottomRight, 3.5f, 1.5f)]
    [InlineData(SKEncodedOrigin.BottomLeft, 0.5f, 1.5f)]
    [InlineData(SKEncodedOrigin.LeftTop, 0.5f, 0.5f)]
    [InlineData(SKEncodedOrigin.RightTop, 1.5f, 0.5f)]
    [InlineData(SKEncodedOrigin.RightBottom, 1.5f, 3.5f)]
    [InlineData(SKEncodedOrigin.LeftBottom, 0.5f, 3.5f)]
    public void OrientationMatrix_TopLeftPixel_LandsWhereExifSays(SKEncodedOrigin origin, float x, float y)
    {
        var matrix = ImageProcessor.OrientationMatrix(origin, 4, 2);

        var point = matrix.MapPoint(0.5f, 0.5f);

        Assert.Equal(new SKPoint(x, y), point);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF }, SKEncodedImageFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, SKEncodedImageFormat.Png)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, SKEncodedImageFormat.Webp)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, null)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, null)]
    public void Sniff_MagicBytes_NameTheFormat(byte[] header, SKEncodedImageFormat? expected)
    {
        Assert.Equal(expected, ImageProcessor.Sniff(header));
    }

    private async Task<ImageProcessingResult> ProcessAsync(byte[] content, ImageKind kind)
    {
        using var stream = new MemoryStream(content);
        return await _processor.ProcessAsync(stream, kind, TestContext.Current.CancellationToken);
    }

    private static void AssertImage(ProcessedImage image, ImageVariant variant, int width, int height)
    {
        Assert.Equal(variant, image.Variant);
        Assert.Equal("image/webp", image.ContentType);
        Assert.Equal(SKEncodedImageFormat.Webp, ImageProcessor.Sniff(image.Bytes));
        Assert.Equal((width, height), (image.Width, image.Height));
        using var codec = SKCodec.Create(new MemoryStream(image.Bytes));
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
    }

    private static void AssertFailure(ImageProcessingResult result, ImageFailureKind kind, int statusCode)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(kind, result.Failure.Kind);
        Assert.Equal(statusCode, result.Failure.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure.Message));
        Assert.Empty(result.Images);
    }

    private static void AssertNoMetadata(byte[] webp)
    {
        // A WebP keeps metadata in EXIF and XMP chunks of an extended (VP8X) file; a plain lossy file has none.
        Assert.Equal("VP8 ", Encoding.ASCII.GetString(webp, 12, 4));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(webp), StringComparison.Ordinal);
        using var codec = SKCodec.Create(new MemoryStream(webp));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
    }

    private static void AssertColour(SKColor expected, SKColor actual)
    {
        // Lossy WebP shifts colours a little; a channel within 40 of the expected one is the same colour here.
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, got {actual}.");
    }
}
