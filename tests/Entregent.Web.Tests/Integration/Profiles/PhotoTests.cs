using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Entregent.Web.Tests.Infrastructure;
using Entregent.Web.Tests.Unit.Infrastructure.Imaging;
using SkiaSharp;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Profiles;

public class PhotoTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Photo = new("/api/v1/me/photo", UriKind.Relative);

    [Fact]
    public async Task PutPhoto_Multipart_StoredAndServedAsWebp()
    {
        var ada = await RegisterMemberAsync("Ada Photo");
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(TestImages.Encode(600, 400, SKEncodedImageFormat.Png));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "photo", "me.png");

        using var response = await ada.Client.PutAsync(Photo, form, Cancellation);

        var body = await response.ReadJsonAsync(Cancellation);
        var url = body.GetProperty("photoUrl").GetString()!;
        Assert.StartsWith("/media/", url, StringComparison.Ordinal);
        Assert.StartsWith("/media/", body.GetProperty("thumbnailUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(url, (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("photoUrl").GetString());
        await AssertServedWebpAsync(url, 400);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task PutPhoto_RawImageBody_StoredAndServedAsWebp(SKEncodedImageFormat format, string contentType)
    {
        var ada = await RegisterMemberAsync("Ada Raw Photo");
        using var content = new ByteArrayContent(TestImages.Encode(300, 300, format));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await ada.Client.PutAsync(Photo, content, Cancellation);

        var url = (await response.ReadJsonAsync(Cancellation)).GetProperty("photoUrl").GetString()!;
        await AssertServedWebpAsync(url, 300);
    }

    [Fact]
    public async Task PutPhoto_TextLabelledJpeg_BadRequestAndNoPhoto()
    {
        var ada = await RegisterMemberAsync("Ada Fake Photo");
        var before = await ada.GetMyProfileTextAsync(Cancellation);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("this is not a picture at all, just text"));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var response = await ada.Client.PutAsync(Photo, content, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "photo");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task PutPhoto_OverFiveMegabytes_PayloadTooLargeAndNoPhoto()
    {
        var ada = await RegisterMemberAsync("Ada Big Photo");
        var before = await ada.GetMyProfileTextAsync(Cancellation);
        // A real PNG header followed by padding: refused on size before anything is decoded.
        var png = TestImages.Encode(10, 10, SKEncodedImageFormat.Png);
        var bytes = new byte[(5 * 1024 * 1024) + 1024];
        png.CopyTo(bytes, 0);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await ada.Client.PutAsync(Photo, content, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "photo");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task PutPhoto_MultipartWithoutFile_BadRequestOnPhoto()
    {
        var ada = await RegisterMemberAsync("Ada No Photo");
        using var form = new MultipartFormDataContent { { new StringContent("no file here"), "comment" } };

        using var response = await ada.Client.PutAsync(Photo, form, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "photo");
    }

    [Theory]
    [InlineData("application/json", "{}")]
    [InlineData("text/plain", "hello")]
    public async Task PutPhoto_NotAnImageType_UnsupportedMediaType(string contentType, string body)
    {
        var ada = await RegisterMemberAsync("Ada Wrong Type");
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await ada.Client.PutAsync(Photo, content, Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("photoUrl").ValueKind);
    }

    [Fact]
    public async Task DeletePhoto_WithPhoto_RemovedFromProfile()
    {
        var ada = await RegisterMemberAsync("Ada Remove Photo");
        using (var content = new ByteArrayContent(TestImages.Encode(200, 200, SKEncodedImageFormat.Png)))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var put = await ada.Client.PutAsync(Photo, content, Cancellation);
            await MemberActions.EnsureSuccessAsync(put, "set photo", Cancellation);
        }

        using var response = await ada.Client.DeleteAsync(Photo, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var profile = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, profile.GetProperty("photoUrl").ValueKind);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, profile.GetProperty("updated").GetProperty("photo").ValueKind);
    }

    private async Task AssertServedWebpAsync(string url, int side)
    {
        using var client = AnonymousClient();
        using var media = await client.GetAsync(new Uri(url, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("image/webp", media.Content.Headers.ContentType?.MediaType);
        var bytes = await media.Content.ReadAsByteArrayAsync(Cancellation);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(side, decoded.Width);
        Assert.Equal(side, decoded.Height);
    }
}
