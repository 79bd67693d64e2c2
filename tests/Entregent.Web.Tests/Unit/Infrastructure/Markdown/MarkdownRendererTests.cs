using Entregent.Web.Infrastructure.Markdown;

namespace Entregent.Web.Tests.Unit.Infrastructure.Markdown;

public sealed class MarkdownRendererTests : IDisposable
{
    private const string LinkAttributes = "rel=\"nofollow noopener ugc\" target=\"_blank\"";

    private readonly MarkdownRenderer _renderer = new();

    public void Dispose() => _renderer.Dispose();

    [Theory]
    [InlineData("Hello **world** <script>alert(1)</script>")]
    [InlineData("[link](javascript:alert(1)) and https://example.org")]
    public void ToSafeHtml_SameInputTwice_SameSafeOutput(string markdown)
    {
        using var fresh = new MarkdownRenderer();
        var first = _renderer.ToSafeHtml(markdown);
        var second = _renderer.ToSafeHtml(markdown);

        Assert.Equal(first, second);
        Assert.Equal(fresh.ToSafeHtml(markdown), second);
        Assert.DoesNotContain("<script", second, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", second, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("<a href=\"https://e.com\" onclick=\"alert(1)\">x</a>", "<p>&lt;a href=\"https://e.com\" onclick=\"alert(1)\"&gt;x&lt;/a&gt;</p>")]
    [InlineData("[x](javascript:alert(1))", "<p><a>x</a></p>")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "<p><a>x</a></p>")]
    [InlineData("[x](vbscript:msgbox(1))", "<p><a>x</a></p>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p><a>x</a></p>")]
    [InlineData("[x](/admin/delete)", "<p><a>x</a></p>")]
    [InlineData("[x](//evil.example/path)", "<p><a>x</a></p>")]
    [InlineData("![x](https://tracker.example/pixel.png)", "<p><a href=\"https://tracker.example/pixel.png\" " + LinkAttributes + ">x</a></p>")]
    [InlineData("![x](javascript:alert(1))", "<p><a>x</a></p>")]
    [InlineData("[x](https://e.com \"title\")", "<p><a href=\"https://e.com\" " + LinkAttributes + ">x</a></p>")]
    [InlineData("<div style=\"position:fixed\">x</div>", "<p>&lt;div style=\"position:fixed\"&gt;x&lt;/div&gt;</p>")]
    [InlineData("`<script>alert(1)</script>`", "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<p>&lt;iframe src=\"https://evil.example\"&gt;&lt;/iframe&gt;</p>")]
    [InlineData("<!-- comment -->", "<p>&lt;!-- comment --&gt;</p>")]
    public void ToSafeHtml_HostileInput_RendersHarmless(string markdown, string expected)
    {
        var html = _renderer.ToSafeHtml(markdown);

        Assert.Equal(expected, html);
        AssertNoActiveContent(html);
    }

    [Theory]
    [InlineData("<http://e.com/\" onmouseover=\"alert(1)>")]
    [InlineData("[x](https://e.com/\" onmouseover=\"alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<<script>script>alert(1)<</script>/script>")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("www.e.com\" onmouseover=\"alert(1)")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    public void ToSafeHtml_MoreHostileInput_NoActiveContent(string markdown)
    {
        AssertNoActiveContent(_renderer.ToSafeHtml(markdown));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Hello", "<p>Hello</p>")]
    [InlineData("**bold** and *em* and _em_", "<p><strong>bold</strong> and <em>em</em> and <em>em</em></p>")]
    [InlineData("line one\nline two", "<p>line one<br>\nline two</p>")]
    [InlineData("para one\n\npara two", "<p>para one</p>\n<p>para two</p>")]
    [InlineData("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>")]
    [InlineData("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("use `dotnet test`", "<p>use <code>dotnet test</code></p>")]
    [InlineData("```\nvar x = 1 < 2;\n```", "<pre><code>var x = 1 &lt; 2;\n</code></pre>")]
    [InlineData("[docs](https://example.org/a?b=1&c=2)", "<p><a href=\"https://example.org/a?b=1&amp;c=2\" " + LinkAttributes + ">docs</a></p>")]
    [InlineData("see https://example.org", "<p>see <a href=\"https://example.org\" " + LinkAttributes + ">https://example.org</a></p>")]
    [InlineData("<https://example.org>", "<p><a href=\"https://example.org\" " + LinkAttributes + ">https://example.org</a></p>")]
    [InlineData("[mail me](mailto:ada@example.org)", "<p><a href=\"mailto:ada@example.org\" rel=\"nofollow noopener ugc\">mail me</a></p>")]
    [InlineData("# Not a heading", "<p># Not a heading</p>")]
    [InlineData("a\n\n---\n\nb", "<p>a</p>\n\n<p>b</p>")]
    [InlineData("Tom & Jerry <3", "<p>Tom &amp; Jerry &lt;3</p>")]
    public void ToSafeHtml_Formatting_Rendered(string markdown, string expected)
    {
        Assert.Equal(expected, _renderer.ToSafeHtml(markdown));
    }

    [Theory]
    [InlineData("**Hello** _world_", 100, "Hello world")]
    [InlineData("- one\n- two\n\n> three", 100, "one two three")]
    [InlineData("[a link](https://example.org) here", 100, "a link here")]
    [InlineData("<script>alert(1)</script>", 100, "<script>alert(1)</script>")]
    [InlineData("The quick brown fox jumps over the lazy dog", 20, "The quick brown fox…")]
    [InlineData("The quick brown fox jumps over the lazy dog", 43, "The quick brown fox jumps over the lazy dog")]
    [InlineData("Supercalifragilisticexpialidocious", 10, "Supercali…")]
    [InlineData("", 10, "")]
    public void ToPlainText_Markdown_TextCutAtWordBoundary(string markdown, int maxLength, string expected)
    {
        var text = _renderer.ToPlainText(markdown, maxLength);

        Assert.Equal(expected, text);
        Assert.True(text.Length <= maxLength);
    }

    [Fact]
    public void ToPlainText_Emoji_NeverSplit()
    {
        var text = _renderer.ToPlainText("👋👋👋👋👋👋", 4);

        Assert.Equal("👋👋👋…", text);
    }

    [Fact]
    public async Task ToSafeHtml_ManyThreads_SameResult()
    {
        const string Markdown = "**bold** [x](https://e.com) <script>alert(1)</script>";
        var expected = _renderer.ToSafeHtml(Markdown);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => _renderer.ToSafeHtml(Markdown), TestContext.Current.CancellationToken)));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    private static void AssertNoActiveContent(string html)
    {
        // Escaped text (&lt;script&gt;) is harmless; only real tags and attributes matter.
        foreach (var forbidden in new[] { "<script", "<img", "<iframe", "<svg", "<div", "<details", "javascript:", " on", "style=" })
        {
            Assert.DoesNotContain(forbidden, StripEscapedText(html), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The HTML with text content removed, leaving only tags and their attributes.</summary>
    private static string StripEscapedText(string html)
    {
        var tags = new System.Text.StringBuilder();
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }

            if (inTag)
            {
                tags.Append(c);
            }

            if (c == '>')
            {
                inTag = false;
            }
        }

        return tags.ToString();
    }
}
