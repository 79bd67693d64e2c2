using System.Security.Cryptography;
using Entregent.Web.Infrastructure.Imaging;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Unit.Infrastructure.Imaging;

public sealed class MediaStoreTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "entregent-tests", Guid.NewGuid().ToString("N"));
    private readonly MediaStore _store;

    public MediaStoreTests()
    {
        _store = new MediaStore(Options.Create(new MediaStoreOptions { DataPath = _dataPath }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task SaveAsync_Bytes_StoredUnderTheirHashAndFoundAgain()
    {
        byte[] bytes = [1, 2, 3, 4, 5];

        var name = await _store.SaveAsync(bytes, "image/webp", TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)) + ".webp", name);
        var media = _store.Find(name);
        Assert.NotNull(media);
        Assert.Equal("image/webp", media.ContentType);
        Assert.StartsWith(Path.Combine(_dataPath, "media"), media.PhysicalPath, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(media.PhysicalPath, TestContext.Current.CancellationToken));
        await using var stream = _store.OpenRead(name);
        Assert.NotNull(stream);
        Assert.Equal(bytes.Length, stream.Length);
    }

    [Fact]
    public async Task SaveAsync_SameBytesTwice_OneFileNoLeftovers()
    {
        byte[] bytes = [9, 8, 7];

        var first = await _store.SaveAsync(bytes, "image/jpeg", TestContext.Current.CancellationToken);
        var second = await _store.SaveAsync(bytes, "image/jpeg", TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.EndsWith(".jpg", first, StringComparison.Ordinal);
        var files = Directory.GetFiles(_store.Root, "*", SearchOption.AllDirectories);
        Assert.Equal(_store.Find(first)!.PhysicalPath, Assert.Single(files));
    }

    [Fact]
    public async Task SaveAsync_UnknownContentType_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _store.SaveAsync(new byte[] { 1 }, "text/html", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("/etc/passwd")]
    [InlineData("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0.webp/../../secret")]
    [InlineData("74F81FE167D99B4CB41D6D0CCDA82278CAEE9F3E2F25D5E5A3936FF3DCEC60D0.webp")]
    [InlineData("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0.html")]
    [InlineData("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0.webp\n")]
    [InlineData("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0.webp")]
    public void Find_MalformedOrUnknownName_Null(string? name)
    {
        Assert.Null(_store.Find(name));
        Assert.Null(_store.OpenRead(name));
    }
}
