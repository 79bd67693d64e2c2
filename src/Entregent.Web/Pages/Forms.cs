using System.Text.RegularExpressions;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>
/// Puts a use case's <see cref="Failure"/> on a form. Field errors are keyed by JSON field names ("startMonth");
/// the pages' input models use the same names with the first letter raised ("Input.StartMonth"), so the mapping
/// is mechanical. Failures without a field, or with a field the form does not show, go to the summary at the top.
/// </summary>
public static partial class Forms
{
    public static void AddFailure(this ModelStateDictionary modelState, Failure failure, IStringLocalizer t, string prefix = "Input",
        params string[] hiddenFields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Errors is not { Count: > 0 } errors)
        {
            modelState.AddModelError(string.Empty, Translate(t, failure.Detail));
            return;
        }
        foreach (var (field, messages) in errors)
        {
            var key = hiddenFields.Contains(field, StringComparer.Ordinal) ? string.Empty : KeyFor(prefix, field);
            foreach (var message in messages)
            {
                modelState.AddModelError(key, Translate(t, message));
            }
        }
    }

    /// <summary>
    /// A refused profile edit. When someone changed the profile in between (another tab, the API), the form keeps
    /// what was typed and takes the new version, so a second Save overwrites knowingly instead of failing forever.
    /// </summary>
    public static async Task AddProfileFailureAsync(ModelStateDictionary modelState, Failure failure, IStringLocalizer t, EntregentDb db, long memberId,
        Action<int> setVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(setVersion);
        if (failure.Kind != FailureKind.PreconditionFailed)
        {
            modelState.AddFailure(failure, t);
            return;
        }
        if ((await ViewProfile.MineAsync(db, memberId, cancellationToken)).Value is { } mine)
        {
            setVersion(mine.Version);
        }
        modelState.AddModelError(string.Empty,
            t["Your profile changed elsewhere since you opened this page. Check the values below; saving again replaces the other change."]);
    }

    public static string KeyFor(string prefix, string field) =>
        (prefix.Length == 0 ? "" : prefix + ".") + char.ToUpperInvariant(field[0]) + field[1..];

    // The use cases speak English (the API's language); their messages are keys of the string table. Messages
    // with a number or a name in them are matched against these templates first.
    private static readonly string[] Templates =
    [
        "At most {0} characters.",
        "At most {0} entries.",
        "Between 1900 and {0}.",
        "Between 1900 and {0} (expected graduation).",
        "A profile holds at most {0} positions.",
        "A profile holds at most {0} education entries.",
        "No organisation has the address '{0}'.",
        "No organisation has the slug '{0}'.",
        "No member has the handle '{0}'.",
        "You withdrew an invitation to this member; you can invite them again from {0}.",
        "Passwords must be at least {0} characters.",
        "Passwords must use at least {0} different characters.",
        "Email '{0}' is already taken.",
        "Username '{0}' is already taken.",
    ];

    private static readonly (string Template, Regex Pattern)[] Patterns = Templates
        .Select(template => (template, new Regex("^" + Regex.Escape(template).Replace("\\{0}", "(.+?)", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))))
        .ToArray();

    /// <summary>The French (or other) text of a use case's English message, or the message itself when it has none.</summary>
    public static string Translate(IStringLocalizer t, string message)
    {
        ArgumentNullException.ThrowIfNull(t);
        // Identity joins several password rules into one message.
        var sentences = Sentence().Split(message).Where(s => s.Length > 0).ToArray();
        if (sentences.Length > 1 && sentences.All(s => TranslateOne(t, s) is not null))
        {
            return string.Join(" ", sentences.Select(s => TranslateOne(t, s)));
        }
        return TranslateOne(t, message) ?? message;
    }

    private static string? TranslateOne(IStringLocalizer t, string message)
    {
        var direct = t[message];
        if (!direct.ResourceNotFound)
        {
            return direct.Value;
        }
        foreach (var (template, pattern) in Patterns)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var localized = t[template, match.Groups[1].Value];
                return localized.ResourceNotFound ? null : localized.Value;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z])")]
    private static partial Regex Sentence();

    /// <summary>Only addresses inside this site: a sign-in link must not bounce people elsewhere.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl);
}
