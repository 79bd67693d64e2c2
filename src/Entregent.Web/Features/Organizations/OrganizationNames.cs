using Entregent.Web.Infrastructure;

namespace Entregent.Web.Features.Organizations;

/// <summary>
/// How organisation names are matched: "Acme SAS", "ACME" and "Acmé Inc." are one company. The key is the
/// folded name without leading or trailing legal-form words.
/// </summary>
public static class OrganizationNames
{
    // Legal forms seen in French, English, German, Dutch, Italian, Spanish and Nordic company names.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "sa", "sas", "sasu", "sarl", "eurl", "snc", "sca", "sci", "scop", "scp", "selarl", "gie", "eirl",
        "inc", "incorporated", "llc", "llp", "ltd", "limited", "corp", "corporation", "co", "plc",
        "gmbh", "ag", "kg", "ohg", "bv", "nv", "spa", "srl", "sl", "sau", "ab", "asa", "oy", "oyj", "pty", "pte",
    };

    /// <summary>The matching key; never empty for a name with at least one letter or digit.</summary>
    public static string MatchKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Dots go before folding so "S.A.S." reads as "sas" rather than three one-letter words.
        var words = TextKeys.Fold(name.Replace(".", "", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        while (words.Count > 1 && LegalForms.Contains(words[0]))
        {
            words.RemoveAt(0);
        }
        return string.Join(' ', words);
    }
}
