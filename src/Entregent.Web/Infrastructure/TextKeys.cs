using System.Globalization;
using System.Text;

namespace Entregent.Web.Infrastructure;

/// <summary>
/// Keys that make two spellings of one name compare equal: "Hélène", "HELENE" and "helene" share a key.
/// Used for deduplicating skills, matching organisations and deriving URL handles.
/// </summary>
public static class TextKeys
{
    /// <summary>Lower-case, accents removed, every run of non-alphanumerics collapsed to one space, trimmed.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // FormD splits "é" into "e" + combining acute, so dropping non-spacing marks removes accents.
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var mapped = c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                _ => null,
            };
            if (mapped is not null || char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                if (mapped is not null)
                {
                    builder.Append(mapped);
                }
                else
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>A URL-safe slug: the folded text with spaces turned to hyphens, cut at <paramref name="maxLength"/>.</summary>
    public static string Slug(string text, int maxLength = 40)
    {
        var slug = Fold(text).Replace(' ', '-');
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength].TrimEnd('-');
        }
        return slug;
    }
}
