using Entregent.Web.Features.Ldbc;

namespace Entregent.Web.Tests.Features.Ldbc;

public sealed class LdbcDataSetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "entregent-ldbc-" + Guid.NewGuid().ToString("N"));

    public LdbcDataSetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_MergeForeignLayout_PersonsRelationsAndDates()
    {
        Write("dynamic/person_0_0.csv", """
            id|firstName|lastName|gender|birthday|creationDate|locationIP|browserUsed|place
            8796093022220|Jose|Alonso|female|1987-09-18|2010-09-16T06:54:00.602+0000|196.1.135.241|Internet Explorer|1073
            """);
        Write("dynamic/person_1_0.csv", """
            id|firstName|lastName|gender|birthday|creationDate|locationIP|browserUsed|place
            143|Maria|Alkaios|female|1983-01-06|2010-01-02T18:24:03.976+0000|62.217.119.183|Firefox|1073
            """);
        Write("dynamic/person_email_emailaddress_0_0.csv", "Person.id|email\n8796093022220|a@gmail.com\n8796093022220|b@gmx.com\n");
        Write("dynamic/person_speaks_language_0_0.csv", "Person.id|language\n8796093022220|es\n");
        Write("dynamic/person_hasInterest_tag_0_0.csv", "Person.id|Tag.id\n8796093022220|7\n");
        Write("dynamic/person_knows_person_0_0.csv", "Person.id|Person.id|creationDate\n143|8796093022220|2010-07-10T16:04:52.244+0000\n");
        Write("dynamic/person_workAt_organisation_0_0.csv", "Person.id|Organisation.id|workFrom\n143|1|2009\n");
        Write("dynamic/person_studyAt_organisation_0_0.csv", "Person.id|Organisation.id|classYear\n143|2|2004\n");
        Write("static/organisation_0_0.csv", "id|type|name|url|place\n1|company|Cubana_de_Aviación|http://x|5\n2|university|University_of_Havana|http://y|1073\n");
        Write("static/place_0_0.csv", "id|name|url|type|isPartOf\n5|Cuba|http://c|country|1454\n1073|Jagüey_Grande|http://j|city|5\n");
        Write("static/tag_0_0.csv", "id|name|url|hasType\n7|Fidel_Castro|http://f|3\n");

        var data = LdbcDataSet.Read(_folder);

        Assert.Equal(LdbcLayout.CsvMergeForeign, data.Layout);
        Assert.Equal([8796093022220, 143], data.Persons.Select(p => p.Id));
        var jose = data.Persons[0];
        Assert.Equal(("Jose", "Alonso", "female", new DateOnly(1987, 9, 18), 1073L), (jose.FirstName, jose.LastName, jose.Gender, jose.Birthday, jose.CityId));
        Assert.Equal(1284620040602, jose.CreationDate.ToUnixTimeMilliseconds());
        Assert.Equal(["a@gmail.com", "b@gmx.com"], data.Emails[8796093022220]);
        Assert.Equal(["es"], data.Languages[8796093022220]);
        Assert.Equal("Fidel_Castro", data.Tags[data.Interests[8796093022220][0]]);
        Assert.Equal(new LdbcKnows(143, 8796093022220, DateTimeOffset.Parse("2010-07-10T16:04:52.244Z", System.Globalization.CultureInfo.InvariantCulture)), data.Knows.Single());
        Assert.Equal(new LdbcWorkAt(143, 1, 2009), data.WorkAt.Single());
        Assert.Equal(new LdbcStudyAt(143, 2, 2004), data.StudyAt.Single());
        Assert.Equal(("company", "Cubana_de_Aviación", 5L), (data.Organisations[1].Type, data.Organisations[1].Name, data.Organisations[1].PlaceId!.Value));
        Assert.Equal("university", data.Organisations[2].Type);
        Assert.Equal(("Jagüey_Grande", "city", 5L), (data.Places[1073].Name, data.Places[1073].Type, data.Places[1073].PartOf!.Value));
        // A people-only extract reads; what it lacks is said.
        Assert.Equal(["forums", "forum members", "posts", "comments", "posts' tags", "likes of posts", "likes of comments"], data.Missing);
        Assert.Empty(data.Posts);
    }

    [Fact]
    public void Read_MergeForeignLayout_ForumsMessagesReplyStructureLikesAndTags()
    {
        WritePeople();
        Write("dynamic/forum_0_0.csv", "id|title|creationDate|moderator\n274877906944|Wall of Jose Alonso|2010-09-16T06:54:10.602+0000|8796093022220\n");
        Write("dynamic/forum_hasMember_person_0_0.csv", "Forum.id|Person.id|joinDate\n274877906944|143|2010-09-19T05:25:47.521+0000\n");
        Write("dynamic/post_0_0.csv", """
            id|imageFile|creationDate|locationIP|browserUsed|language|content|length|creator|Forum.id|place
            343597383680|photo343597383680.jpg|2010-11-25T05:58:53.756+0000|41.78.114.237|Internet Explorer|||0|8796093022220|274877906944|110
            343597383690||2010-11-26T05:58:53.756+0000|41.78.114.237|Firefox|es|About Fidel Castro, a "quote"|29|143|274877906944|110
            """);
        Write("dynamic/comment_0_0.csv", """
            id|creationDate|locationIP|browserUsed|content|length|creator|place|replyOfPost|replyOfComment
            206158430246|2010-11-27T23:36:57.962+0000|196.29.42.107|Firefox|yes|3|143|60|343597383690|
            206158430247|2010-11-28T11:15:30.089+0000|196.1.98.252|Firefox|thanks|6|8796093022220|96||206158430246
            """);
        Write("dynamic/post_hasTag_tag_0_0.csv", "Post.id|Tag.id\n343597383690|7\n");
        Write("dynamic/person_likes_post_0_0.csv", "Person.id|Post.id|creationDate\n143|343597383680|2010-11-30T05:58:46.377+0000\n");
        Write("dynamic/person_likes_comment_0_0.csv", "Person.id|Comment.id|creationDate\n8796093022220|206158430246|2010-12-01T14:35:30.377+0000\n");

        var data = LdbcDataSet.Read(_folder);

        Assert.Empty(data.Missing);
        var forum = data.Forums.Single();
        Assert.Equal((274877906944L, "Wall of Jose Alonso", 8796093022220L), (forum.Id, forum.Title, forum.ModeratorId!.Value));
        Assert.Equal(new LdbcForumMember(274877906944, 143, DateTimeOffset.Parse("2010-09-19T05:25:47.521Z", System.Globalization.CultureInfo.InvariantCulture)), data.ForumMembers.Single());
        var photo = data.Posts[0];
        Assert.Equal(("photo343597383680.jpg", "", "", 0, 274877906944L), (photo.ImageFile, photo.Content, photo.Language, photo.Length, photo.ForumId));
        var text = data.Posts[1];
        // Unquoted: a quote is text like any other.
        Assert.Equal("About Fidel Castro, a \"quote\"", text.Content);
        Assert.Equal(("", "es", 143L), (text.ImageFile, text.Language, text.CreatorId));
        var (top, reply) = (data.Comments[0], data.Comments[1]);
        Assert.Equal((343597383690L, (long?)null), (top.ReplyOfPost!.Value, top.ReplyOfComment));
        Assert.Equal(((long?)null, 206158430246L), (reply.ReplyOfPost, reply.ReplyOfComment!.Value));
        Assert.Equal([7L], data.PostTags[343597383690]);
        Assert.Equal(343597383680, data.PostLikes.Single().MessageId);
        Assert.Equal((8796093022220L, 206158430246L), (data.CommentLikes.Single().PersonId, data.CommentLikes.Single().MessageId));
    }

    [Fact]
    public void Read_CommentReplyingToBothPostAndComment_FailsNamingFileAndLine()
    {
        WritePeople();
        Write("dynamic/comment_0_0.csv", """
            id|creationDate|locationIP|browserUsed|content|length|creator|place|replyOfPost|replyOfComment
            206158430246|2010-11-27T23:36:57.962+0000|196.29.42.107|Firefox|yes|3|143|60|343597383690|206158430245
            """);

        var error = Assert.Throws<InvalidDataException>(() => LdbcDataSet.Read(_folder));

        Assert.Contains("comment_0_0.csv, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Neo4jLayout_SplitFilesWithAndWithoutHeaderAndCompactDates()
    {
        Write("Person.csv", """
            id:ID(Person)|firstName:STRING|lastName:STRING|gender:STRING|birthday:LONG|creationDate:LONG|locationIP:STRING|browserUsed:STRING
            933|Mahinda|Perera|male|19891203|20100214153210447|119.235.7.103|Firefox
            """);
        Write("Person_1.csv", "4139|Baruch|Dego|female|19841018|20100213031237658|41.92.26.27|Chrome\n");
        Write("Person_isLocatedIn_Place.csv", ":START_ID(Person)|:END_ID(Place)\n933|1353\n");
        Write("Person_hasInterest_Tag.csv", ":START_ID(Person)|:END_ID(Tag)\n933|59\n");
        Write("Person_knows_Person.csv", ":START_ID(Person)|:END_ID(Person)|creationDate:LONG\n933|4139|20100422123057947\n");
        Write("Person_knows_Person_1.csv", ":START_ID(Person)|:END_ID(Person)|creationDate:LONG\n4139|10|20111022063622360\n");
        Write("Person_knows_Person_2.csv", "10|933|20120101000000000\n");
        Write("Person_workAt_Organisation.csv", ":START_ID(Person)|:END_ID(Organisation)|workFrom:INT\n933|1226|2013\n");
        Write("Person_studyAt_Organisation.csv", ":START_ID(Person)|:END_ID(Organisation)|classYear:INT\n933|2643|2011\n");
        Write("Organisation.csv", "id:ID(Organisation)|:LABEL|name:STRING|url:STRING\n1226|Company|SriLankan_Airlines|http://s\n2643|University|University_of_Colombo|http://u\n");
        Write("Organisation_isLocatedIn_Place.csv", ":START_ID(Organisation)|:END_ID(Place)\n1226|3\n2643|1353\n");
        Write("Place.csv", "id:ID(Place)|name:STRING|url:STRING|:LABEL\n3|Sri_Lanka|http://l|Country\n1353|Colombo|http://c|City\n");
        Write("Place_isPartOf_Place.csv", ":START_ID(Place)|:END_ID(Place)\n1353|3\n");
        Write("Tag.csv", "id:ID(Tag)|name:STRING|url:STRING\n59|Cricket|http://t\n");

        var data = LdbcDataSet.Read(_folder);

        Assert.Equal(LdbcLayout.Neo4j, data.Layout);
        Assert.Equal([933, 4139], data.Persons.Select(p => p.Id));
        var mahinda = data.Persons[0];
        Assert.Equal((new DateOnly(1989, 12, 3), 1353L), (mahinda.Birthday, mahinda.CityId!.Value));
        Assert.Equal(new DateTimeOffset(2010, 2, 14, 15, 32, 10, 447, TimeSpan.Zero), mahinda.CreationDate);
        Assert.Null(data.Persons[1].CityId);
        Assert.Equal([(933L, 4139L), (4139L, 10L), (10L, 933L)], data.Knows.Select(k => (k.Person1, k.Person2)));
        Assert.Equal(("company", 3L), (data.Organisations[1226].Type, data.Organisations[1226].PlaceId!.Value));
        Assert.Equal("university", data.Organisations[2643].Type);
        Assert.Equal(("city", 3L), (data.Places[1353].Type, data.Places[1353].PartOf!.Value));
        Assert.Equal(["persons' e-mail addresses", "persons' languages", "forums", "forum members",
            "posts and comments, so their tags and likes (this layout's reader reads none)"], data.Missing);
        Assert.Empty(data.Emails);
    }

    [Fact]
    public void Read_UnexpectedHeader_FailsNamingTheFile()
    {
        Write("Person.csv", "id:ID(Person)|lastName:STRING|firstName:STRING|gender:STRING|birthday:LONG|creationDate:LONG|locationIP:STRING|browserUsed:STRING\n");
        Write("Person_isLocatedIn_Place.csv", ":START_ID(Person)|:END_ID(Place)\n");

        var error = Assert.Throws<InvalidDataException>(() => LdbcDataSet.Read(_folder));

        Assert.Contains("Person.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("firstName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadDate_FailsNamingFileAndLine()
    {
        Write("Person.csv", "id:ID(Person)|firstName:STRING|lastName:STRING|gender:STRING|birthday:LONG|creationDate:LONG|locationIP:STRING|browserUsed:STRING\n"
            + "933|Mahinda|Perera|male|1989-12-03|20100214153210447|119.235.7.103|Firefox\n");
        Write("Person_isLocatedIn_Place.csv", ":START_ID(Person)|:END_ID(Place)\n");

        var error = Assert.Throws<InvalidDataException>(() => LdbcDataSet.Read(_folder));

        Assert.Contains("Person.csv, line 2, column 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectLayout_NoDataSet_Null() => Assert.Null(LdbcDataSet.DetectLayout(_folder));

    [Fact]
    public void Read_SharedTiny_CountsOfTheReadme()
    {
        if (!Directory.Exists(LdbcData.Tiny))
        {
            Assert.Skip($"no LDBC data at {LdbcData.Tiny}");
        }

        var data = LdbcDataSet.Read(LdbcData.Tiny);

        Assert.Equal((222, 825, 485, 180, 7955), (data.Persons.Count, data.Knows.Count, data.WorkAt.Count, data.StudyAt.Count, data.Organisations.Count));
        Assert.Equal(1460, data.Places.Count);
        Assert.Equal(16080, data.Tags.Count);
        Assert.Equal((805, 3584, 5924, 2218), (data.Forums.Count, data.ForumMembers.Count, data.Posts.Count, data.Comments.Count));
        Assert.Equal((759, 624, 683), (data.PostLikes.Count, data.CommentLikes.Count, data.PostTags.Values.Sum(t => t.Count)));
        Assert.Equal(5692, data.Posts.Count(p => p.Content.Length == 0 && p.ImageFile.Length > 0));
        Assert.Empty(data.Missing);
    }

    [Fact]
    public void Read_SharedSf01Partial_CountsOfTheReadme()
    {
        if (!Directory.Exists(LdbcData.Sf01Partial))
        {
            Assert.Skip($"no LDBC data at {LdbcData.Sf01Partial}");
        }

        var data = LdbcDataSet.Read(LdbcData.Sf01Partial);

        Assert.Equal(LdbcLayout.Neo4j, data.Layout);
        Assert.Equal((1528, 14073, 3313, 1209), (data.Persons.Count, data.Knows.Count, data.WorkAt.Count, data.StudyAt.Count));
        Assert.All(data.Persons, p => Assert.NotNull(p.CityId));
        Assert.Equal(13750, data.Forums.Count);
        Assert.All(data.Forums, f => Assert.NotNull(f.ModeratorId));
        Assert.Empty(data.ForumMembers);
    }

    /// <summary>The smallest people part of a CsvMergeForeign set: two persons, the tables the reader requires.</summary>
    private void WritePeople()
    {
        Write("dynamic/person_0_0.csv", """
            id|firstName|lastName|gender|birthday|creationDate|locationIP|browserUsed|place
            8796093022220|Jose|Alonso|female|1987-09-18|2010-09-16T06:54:00.602+0000|196.1.135.241|Internet Explorer|1073
            143|Maria|Alkaios|female|1983-01-06|2010-01-02T18:24:03.976+0000|62.217.119.183|Firefox|1073
            """);
        Write("dynamic/person_email_emailaddress_0_0.csv", "Person.id|email\n");
        Write("dynamic/person_speaks_language_0_0.csv", "Person.id|language\n");
        Write("dynamic/person_hasInterest_tag_0_0.csv", "Person.id|Tag.id\n");
        Write("dynamic/person_knows_person_0_0.csv", "Person.id|Person.id|creationDate\n");
        Write("dynamic/person_workAt_organisation_0_0.csv", "Person.id|Organisation.id|workFrom\n");
        Write("dynamic/person_studyAt_organisation_0_0.csv", "Person.id|Organisation.id|classYear\n");
        Write("static/organisation_0_0.csv", "id|type|name|url|place\n");
        Write("static/place_0_0.csv", "id|name|url|type|isPartOf\n1073|Jagüey_Grande|http://j|city|\n");
        Write("static/tag_0_0.csv", "id|name|url|hasType\n7|Fidel_Castro|http://f|3\n");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
    }
}
