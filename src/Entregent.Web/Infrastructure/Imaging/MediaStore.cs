using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Infrastructure.Imaging;

/// <summary>The <c>Storage</c> configuration section, as far as media files need it.</summary>
public sealed class MediaStoreOptions
{
    public const string SectionName = "Storage";

    /// <summary>Root folder for the app's files; media go under <c>media/</c> in it. Default <c>./data</c>.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";
}

/// <summary>A stored media file, ready to serve (for example with <c>TypedResults.PhysicalFile</c>).</summary>
public sealed record StoredMedia(string Name, string PhysicalPath, string ContentType);

/// <summary>
/// Media files on disk under <c>{Storage:DataPath}/media/</c>, named by the SHA-256 of their bytes.
/// </summary>
/// <remarks>
/// Content addressing makes saves idempotent (the same bytes always land on the same name), lets files be cached
/// forever by browsers, and means a name is only ever 64 hex digits and an extension: <see cref="Find"/> refuses
/// anything else before touching the file system, so no name can reach outside the folder.
/// Files are sharded by their first two hex digits to keep folders small.
/// </remarks>
public sealed partial class MediaStore
{
    private static readonly Dictionary<string, string> ExtensionByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/webp"] = ".webp",
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
    };

    private readonly string _root;

    public MediaStore(IOptions<MediaStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = Path.GetFullPath(Path.Combine(options.Value.DataPath, "media"));
    }

    /// <summary>The folder media are stored in.</summary>
    public string Root => _root;

    /// <summary>
    /// Stores <paramref name="bytes"/> and returns the name to store in the database (e.g. <c>3fa…9c.webp</c>).
    /// Writes to a temporary file and moves it into place, so a reader never sees half a file.
    /// </summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken)
    {
        if (!ExtensionByContentType.TryGetValue(contentType, out var extension))
        {
            throw new ArgumentException($"Content type '{contentType}' is not stored as media.", nameof(contentType));
        }

        var name = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) + extension;
        var path = PathOf(name);
        if (File.Exists(path))
        {
            return name;
        }

        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another request stored the same bytes first; its file is identical to ours.
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        return name;
    }

    /// <summary>The stored file called <paramref name="name"/>, or null when the name is malformed or unknown.</summary>
    public StoredMedia? Find(string? name)
    {
        if (name is null || !MediaName().IsMatch(name))
        {
            return null;
        }

        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }

        var extension = Path.GetExtension(name);
        var contentType = ExtensionByContentType.First(pair => pair.Value == extension).Key;
        return new StoredMedia(name, path, contentType);
    }

    /// <summary>Opens the stored file for reading, or returns null like <see cref="Find"/>.</summary>
    public Stream? OpenRead(string? name)
    {
        var media = Find(name);
        return media is null
            ? null
            : new FileStream(media.PhysicalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
    }

    private string PathOf(string name) => Path.Combine(_root, name[..2], name);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex("^[0-9a-f]{64}\\.(webp|jpg|png)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MediaName();
}
