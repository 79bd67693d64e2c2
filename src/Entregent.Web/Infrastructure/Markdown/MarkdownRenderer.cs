using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;

namespace Entregent.Web.Infrastructure.Markdown;

/// <summary>
/// Renders member-written Markdown (profile summaries, posts) to HTML that is safe to embed, and to plain text for
/// previews. One shared instance: Markdig pipelines are immutable and HtmlSanitizer's <c>Sanitize</c> is
/// thread-safe once configured (HtmlSanitizer README, "Thread safety"), so the sanitiser is set up once here and
/// never changed afterwards.
/// </summary>
/// <remarks>
/// Two layers. Markdig is told not to pass raw HTML through (<c>DisableHtml</c> escapes it as text), and images
/// become plain links. The sanitiser then enforces the allow-list whatever Markdig emits, so a Markdig bug or a
/// later pipeline change cannot open a hole on its own.
/// </remarks>
public sealed partial class MarkdownRenderer : IDisposable
{
    // Sanitising costs far more than a dictionary lookup, and the same summaries and descriptions are shown again
    // and again: the output is a pure function of the input, so it is kept by input (sized in characters).
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions
    {
        SizeLimit = 16_000_000,
    });

    private static readonly string[] AllowedTags = ["a", "p", "em", "strong", "ul", "ol", "li", "code", "pre", "blockquote", "br"];
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        (_articlePipeline, _postSanitizer) = BuildPostRendering();
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .DisableHeadings()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak()
            .Build();

        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        })
        {
            // Markdig emits tags outside the allow-list (e.g. <hr>, <del>); keep their text, drop the tag.
            KeepChildNodes = true,
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.LocalName == "a")
            {
                SecureLink(element);
            }
        };
    }

    /// <summary>
    /// HTML for <paramref name="markdown"/>, limited to paragraphs, emphasis, lists, links, code and quotes.
    /// Links keep only absolute http, https and mailto targets and get <c>rel="nofollow noopener ugc"</c>;
    /// web links open in a new tab. Empty input gives an empty string.
    /// </summary>
    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        if (_rendered.TryGetValue(markdown, out string? known))
        {
            return known!;
        }
        var html = _sanitizer.Sanitize(Markdig.Markdown.ToHtml(Parse(markdown), _pipeline)).Trim();
        _rendered.Set(markdown, html, new MemoryCacheEntryOptions
        {
            Size = markdown.Length + html.Length,
            SlidingExpiration = TimeSpan.FromHours(1),
        });
        return html;
    }

    public void Dispose() => _rendered.Dispose();

    /// <summary>
    /// The text of <paramref name="markdown"/> without formatting, whitespace collapsed to single spaces, cut at a
    /// word boundary to at most <paramref name="maxLength"/> characters (an ellipsis counted) — for previews and
    /// meta descriptions. The result is text, not HTML: encode it where it is output (Razor does).
    /// </summary>
    public string ToPlainText(string? markdown, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var text = Markdig.Markdown.ToPlainText(markdown, _pipeline);
        var collapsed = CollapseWhitespace(text);
        return Truncate(collapsed, maxLength);
    }

    private MarkdownDocument Parse(string markdown) => Parse(markdown, _pipeline);

    private static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        // An image in a summary would fetch any URL from every viewer's browser (tracking pixels); show a link.
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
        }

        return document;
    }

    private static void SecureLink(IElement link)
    {
        var href = link.GetAttribute("href");
        if (href is null
            || !Uri.TryCreate(href, UriKind.Absolute, out var uri)
            || !AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            // Relative links would point into this site from someone else's words; drop the target, keep the text.
            link.RemoveAttribute("href");
            return;
        }

        link.SetAttribute("rel", "nofollow noopener ugc");
        if (uri.Scheme is "http" or "https")
        {
            link.SetAttribute("target", "_blank");
        }
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Truncate(string text, int maxLength)
    {
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= maxLength)
        {
            return text;
        }

        // Count user-perceived characters so an emoji or accented letter is never cut in half.
        var cut = info.SubstringByTextElements(0, maxLength - 1);
        var endsAtWord = text[cut.Length] == ' ';
        var lastSpace = cut.LastIndexOf(' ');
        // Back off to the last whole word, unless that would throw away more than half the preview.
        if (!endsAtWord && lastSpace > cut.Length / 2)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '.', '-') + "…";
    }
}
