using System.Text.RegularExpressions;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>Profile handles: the <c>/in/marie-dupont</c> part of a profile's address.</summary>
public static partial class ProfileHandles
{
    // Words that name routes or would impersonate the instance.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "me", "admin", "administrator", "api", "account", "accounts", "settings", "search", "new", "edit",
        "organizations", "members", "in", "help", "about", "support", "entregent", "root", "system", "null",
    };

    public static bool IsWellFormed(string handle) => HandlePattern().IsMatch(handle);

    /// <summary>Why <paramref name="handle"/> cannot be used, or null when it can (uniqueness aside).</summary>
    public static string? Problem(string handle) =>
        !IsWellFormed(handle) ? "3 to 40 characters: lower-case letters, digits and hyphens, starting and ending with a letter or digit."
        : Reserved.Contains(handle) ? "This handle is reserved."
        : null;

    /// <summary>The first free handle derived from a name: "Hélène Lefèvre" → "helene-lefevre", then "helene-lefevre-2"…</summary>
    public static async Task<string> FreeHandleForAsync(EntregentDb db, string displayName, CancellationToken cancellationToken)
    {
        var stem = AsciiOnly(TextKeys.Slug(displayName, Profile.HandleMaxLength - 4));
        if (stem.Length < 3 || Reserved.Contains(stem))
        {
            stem = (stem.Length == 0 ? "member" : stem + "-member").TrimStart('-');
        }
        var taken = await db.Profiles.AsNoTracking()
            .Where(p => p.Handle == stem || p.Handle.StartsWith(stem + "-"))
            .Select(p => p.Handle)
            .ToListAsync(cancellationToken);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(stem))
        {
            return stem;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!set.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    // Folding keeps letters of every script ("дмитрии"), but handles are ASCII: keep what IsWellFormed accepts.
    private static string AsciiOnly(string slug) =>
        string.Join('-', slug.Split('-').Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0));

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")]
    private static partial Regex HandlePattern();
}
