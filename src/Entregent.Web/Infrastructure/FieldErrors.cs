using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Entregent.Web.Infrastructure;

/// <summary>
/// Collects what is wrong with a request, field by field, in the use case itself, so the API and the pages that
/// call the same use case reject the same input with the same words. Field names are the JSON names.
/// </summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public Failure ToFailure() => Failure.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    /// <summary>
    /// A one-line plain-text field: trimmed; no control characters; no markup (names and titles are shown as
    /// text everywhere, so a tag there is a mistake or an attack); at most <paramref name="maxLength"/> characters.
    /// Returns the cleaned value, null when empty.
    /// </summary>
    public string? Line(string field, string? value, int maxLength, bool required = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        if (text.Any(char.IsControl))
        {
            Add(field, "Line breaks and control characters are not allowed here.");
        }
        if (Markup().IsMatch(text))
        {
            Add(field, "HTML is not allowed here.");
        }
        return text;
    }

    /// <summary>A multi-line Markdown field: raw HTML is never rendered, so only the length is checked.</summary>
    public string? Text(string field, string? value, int maxLength)
    {
        var text = value?.Trim().ReplaceLineEndings("\n");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        if (text.Any(c => char.IsControl(c) && c != '\n' && c != '\t'))
        {
            Add(field, "Control characters are not allowed.");
        }
        return text;
    }

    /// <summary>
    /// A multi-line plain-text field (a message, a note): line breaks allowed, markup refused as in <see cref="Line"/>,
    /// since it is shown as text and a tag there is a mistake or an attack. Returns the cleaned value, null when empty.
    /// </summary>
    public string? PlainText(string field, string? value, int maxLength, bool required = false)
    {
        var text = Text(field, value, maxLength);
        if (text is null)
        {
            if (required)
            {
                Add(field, "This field is required.");
            }
            return null;
        }
        if (Markup().IsMatch(text))
        {
            Add(field, "HTML is not allowed here.");
        }
        return text;
    }

    public string? Email(string field, string? value, bool required = false)
    {
        var text = Line(field, value, 254, required);
        if (text is not null && (!MailAddress.TryCreate(text, out var address) || address.Address != text || !text.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, "Not a valid e-mail address.");
        }
        return text;
    }

    public string? Url(string field, string? value, int maxLength)
    {
        var text = Line(field, value, maxLength);
        if (text is null)
        {
            return null;
        }
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            Add(field, "Not a valid web address (http or https).");
        }
        return text;
    }

    public string? Phone(string field, string? value)
    {
        var text = Line(field, value, 32);
        if (text is not null && !PhoneNumber().IsMatch(text))
        {
            Add(field, "Not a valid phone number.");
        }
        return text;
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{4,31}$")]
    private static partial Regex PhoneNumber();
}
