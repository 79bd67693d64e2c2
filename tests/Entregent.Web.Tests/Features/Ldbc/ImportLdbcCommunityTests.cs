using Entregent.Web.Features.Ldbc;

namespace Entregent.Web.Tests.Features.Ldbc;

public sealed class ImportLdbcCommunityTests
{
    private static readonly DateTimeOffset At = new(2010, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PlaceComments_ReplyChains_TopLevelCommentAndDepthWhateverTheFileOrder()
    {
        // 4 → 3 → 2 → post 100; listed deepest first, as nothing in LDBC's files promises an order.
        var comments = new[] { Reply(4, toComment: 3), Reply(3, toComment: 2), OnPost(2, 100), OnPost(5, 100), Reply(6, toComment: 2) };

        var places = ImportLdbc.PlaceComments(comments);

        Assert.Equal(new ImportLdbc.CommentPlace(100, null, 0), places[2]);
        Assert.Equal(new ImportLdbc.CommentPlace(100, 2, 1), places[3]);
        Assert.Equal(new ImportLdbc.CommentPlace(100, 2, 2), places[4]);
        Assert.Equal(new ImportLdbc.CommentPlace(100, null, 0), places[5]);
        Assert.Equal(new ImportLdbc.CommentPlace(100, 2, 1), places[6]);
    }

    [Fact]
    public void PlaceComments_BrokenOrLoopingChain_LeftOut()
    {
        // 8 answers a comment the data set lacks, 9 answers 8; 10 and 11 answer each other.
        var comments = new[] { Reply(8, toComment: 7), Reply(9, toComment: 8), Reply(10, toComment: 11), Reply(11, toComment: 10), OnPost(12, 100) };

        var places = ImportLdbc.PlaceComments(comments);

        Assert.Equal([12L], places.Keys);
    }

    [Theory]
    [InlineData("Genghis_Khan", "genghis_khan")]
    [InlineData("Pope_Benedict_XVI", "pope_benedict_xvi")]
    [InlineData("Niccolò_Machiavelli", "niccolo_machiavelli")]
    [InlineData("Mahmud_of_Ghazni", "mahmud_of_ghazni")]
    [InlineData("Björk", "bjork")]
    [InlineData("!!!", "")]
    public void HashtagOf_FoldsLikeMembersHashtags(string tag, string hashtag) => Assert.Equal(hashtag, ImportLdbc.HashtagOf(tag));

    [Fact]
    public void HtmlOf_ImportedTextIsEncodedNeverMarkup()
    {
        Assert.Equal("<p>a &lt;script&gt;alert(1)&lt;/script&gt; &amp; *not bold*</p>", ImportLdbc.HtmlOf("a <script>alert(1)</script> & *not bold*"));
        // A photo post has no text, so no paragraph.
        Assert.Equal("", ImportLdbc.HtmlOf(""));
    }

    private static LdbcComment OnPost(long id, long post) => new(id, At, "1.2.3.4", "Firefox", "text", 4, 1, post, null);

    private static LdbcComment Reply(long id, long toComment) => new(id, At, "1.2.3.4", "Firefox", "text", 4, 1, null, toComment);
}
