using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Entregent.Web.Infrastructure.Markdown;

/// <summary>The @handles and #hashtags a post's text carries (outside code and links), in order of first use.</summary>
/// <param name="Handles">Lower case, as written; whether each names a member is the caller's to decide.</param>
/// <param name="Hashtags">Folded (<see cref="MarkdownRenderer.FoldHashtag"/>).</param>
public sealed record PostTokens(IReadOnlyList<string> Handles, IReadOnlyList<string> Hashtags);

/// <summary>
/// Posts, articles and comments: the profile rendering plus @mentions and #hashtags turned into links inside this
/// site, and for articles headings (shifted to h2–h4, the page's h1 being the title).
/// </summary>
public sealed partial class MarkdownRenderer
{
    /// <summary>The longest folded hashtag kept; longer ones stay plain text.</summary>
    public const int HashtagMaxLength = 100;

    private static readonly string[] ArticleTags = ["h2", "h3", "h4"];

    private readonly MarkdownPipeline _articlePipeline;
    private readonly HtmlSanitizer _postSanitizer;

    /// <summary>The @handles and #hashtags of <paramref name="markdown"/>, so the caller can look the handles up before rendering.</summary>
    public PostTokens FindTokens(string? markdown, bool article = false)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new PostTokens([], []);
        }
        var handles = new List<string>();
        var hashtags = new List<string>();
        foreach (var literal in Literals(Parse(markdown, article ? _articlePipeline : _pipeline)))
        {
            foreach (Match match in Token().Matches(literal.Content.ToString()))
            {
                if (match.Groups["handle"].Success)
                {
                    handles.Add(match.Groups["handle"].Value.ToLowerInvariant());
                }
                else if (FoldHashtag(match.Groups["tag"].Value) is { } tag)
                {
                    hashtags.Add(tag);
                }
            }
        }
        return new PostTokens(handles.Distinct(StringComparer.Ordinal).ToList(), hashtags.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Sanitised HTML for a post, an article (<paramref name="article"/>: headings allowed, as h2–h4) or a comment.
    /// An @handle becomes a link to the profile when it is in <paramref name="mentionable"/> (members the author may
    /// see); every #hashtag becomes a link to its page. Everything else as <see cref="ToSafeHtml"/>.
    /// </summary>
    public string ToPostHtml(string? markdown, IReadOnlySet<string> mentionable, bool article = false)
    {
        ArgumentNullException.ThrowIfNull(mentionable);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }
        var pipeline = article ? _articlePipeline : _pipeline;
        var document = Parse(markdown, pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + 1, 2, 4);
        }
        foreach (var literal in Literals(document).ToList())
        {
            Linkify(literal, mentionable);
        }
        return _postSanitizer.Sanitize(Markdig.Markdown.ToHtml(document, pipeline)).Trim();
    }

    /// <summary>
    /// A hashtag's one spelling: lower case, accents removed ("#Énergie" and "#energie" are one tag); null when it has
    /// no letter or is longer than <see cref="HashtagMaxLength"/>.
    /// </summary>
    public static string? FoldHashtag(string? tag)
    {
        var text = tag?.Trim().TrimStart('#');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return null;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        var folded = builder.ToString().Normalize(NormalizationForm.FormC);
        return folded.Length is > 0 and <= HashtagMaxLength && folded.Any(char.IsLetter) ? folded : null;
    }

    /// <summary>Posts and comments use the plain pipeline (<c>_pipeline</c>); articles add headings, and both their own sanitizer.</summary>
    private static (MarkdownPipeline Article, HtmlSanitizer Sanitizer) BuildPostRendering()
    {
        var article = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags.Concat(ArticleTags), StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "class"], StringComparer.OrdinalIgnoreCase),
            // Only the two classes this renderer puts on its own links; Markdown cannot set attributes (no generic
            // attributes extension), so a class here can only come from Linkify.
            AllowedClasses = new HashSet<string>(["mention", "hashtag"], StringComparer.Ordinal),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = true,
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.LocalName == "a" && !IsOwnLink(element))
            {
                element.RemoveAttribute("class");
                SecureLink(element);
            }
        };
        return (article, sanitizer);
    }

    /// <summary>A mention or hashtag link made by <see cref="Linkify"/>: the one kind of link into this site a post may hold.</summary>
    private static bool IsOwnLink(IElement link)
    {
        var href = link.GetAttribute("href") ?? "";
        return link.ClassName switch
        {
            "mention" => OwnMention().IsMatch(href),
            "hashtag" => OwnHashtag().IsMatch(href),
            _ => false,
        };
    }

    /// <summary>The text runs a mention or hashtag may sit in: not inside a link (code spans are not literals).</summary>
    private static IEnumerable<LiteralInline> Literals(MarkdownDocument document) =>
        document.Descendants<LiteralInline>().Where(literal =>
        {
            for (var parent = literal.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is LinkInline)
                {
                    return false;
                }
            }
            return true;
        });

    private static void Linkify(LiteralInline literal, IReadOnlySet<string> mentionable)
    {
        var text = literal.Content.ToString();
        var pieces = new List<Inline>();
        var position = 0;
        foreach (Match match in Token().Matches(text))
        {
            string url, css;
            if (match.Groups["handle"].Success)
            {
                var handle = match.Groups["handle"].Value.ToLowerInvariant();
                if (!mentionable.Contains(handle))
                {
                    continue;
                }
                (url, css) = ("/in/" + handle, "mention");
            }
            else if (FoldHashtag(match.Groups["tag"].Value) is { } tag)
            {
                (url, css) = ("/hashtags/" + Uri.EscapeDataString(tag), "hashtag");
            }
            else
            {
                continue;
            }
            if (match.Index > position)
            {
                pieces.Add(new LiteralInline(text[position..match.Index]));
            }
            var link = new LinkInline(url, string.Empty);
            link.AppendChild(new LiteralInline(match.Value));
            link.GetAttributes().AddClass(css);
            pieces.Add(link);
            position = match.Index + match.Length;
        }
        if (pieces.Count == 0)
        {
            return;
        }
        if (position < text.Length)
        {
            pieces.Add(new LiteralInline(text[position..]));
        }
        foreach (var piece in pieces)
        {
            literal.InsertBefore(piece);
        }
        literal.Remove();
    }

    // @handle: the profile handle's shape, not after a word character (so e-mail addresses stay text). #tag: letters,
    // digits and underscores, not after a word character or '&' (HTML entities) or '/' (URL fragments in text).
    [GeneratedRegex(@"(?<![\w@./])@(?<handle>[A-Za-z0-9][A-Za-z0-9-]{1,38}[A-Za-z0-9])(?![\w-])|(?<![\w&/#])#(?<tag>\w+)")]
    private static partial Regex Token();

    [GeneratedRegex("^/in/[a-z0-9-]+$")]
    private static partial Regex OwnMention();

    [GeneratedRegex("^/hashtags/[^/?#]+$")]
    private static partial Regex OwnHashtag();
}
