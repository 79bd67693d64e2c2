using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Entregent.Web.Features.Ldbc;

/// <summary>How an LDBC SNB data folder is laid out.</summary>
public enum LdbcLayout
{
    /// <summary>
    /// Datagen's CsvMergeForeign: <c>static/</c> and <c>dynamic/</c> folders of <c>name_0_0.csv</c> files, foreign keys
    /// merged into the entity files (a person's city is its <c>place</c> column), string dates
    /// (<c>2010-06-27T23:36:57.962+0000</c>, birthdays <c>1987-09-18</c>).
    /// </summary>
    CsvMergeForeign,

    /// <summary>
    /// Neo4j-style files in one folder (<c>Person.csv</c>, <c>Person_isLocatedIn_Place.csv</c>) with typed headers
    /// (<c>id:ID(Person)</c>, <c>:START_ID(Person)</c>), integer dates <c>yyyyMMddHHmmssSSS</c> and birthdays
    /// <c>yyyyMMdd</c>; a relation may be split into <c>X.csv</c>, <c>X_1.csv</c>…, later parts sometimes without a header.
    /// </summary>
    Neo4j,
}

public sealed record LdbcPerson(long Id, string FirstName, string LastName, string Gender, DateOnly Birthday,
    DateTimeOffset CreationDate, string LocationIp, string BrowserUsed, long? CityId);

/// <summary>A place; <see cref="Type"/> is lower-case: city, country or continent.</summary>
public sealed record LdbcPlace(long Id, string Name, string Type, long? PartOf);

/// <summary>An organisation; <see cref="Type"/> is lower-case: company or university.</summary>
public sealed record LdbcOrganisation(long Id, string Type, string Name, long? PlaceId);

/// <summary>A friendship; undirected, listed once.</summary>
public readonly record struct LdbcKnows(long Person1, long Person2, DateTimeOffset CreationDate);

public readonly record struct LdbcWorkAt(long PersonId, long OrganisationId, int WorkFrom);

public readonly record struct LdbcStudyAt(long PersonId, long OrganisationId, int ClassYear);

/// <summary>A forum; <see cref="ModeratorId"/> is its moderator (every Datagen forum has one).</summary>
public sealed record LdbcForum(long Id, string Title, DateTimeOffset CreationDate, long? ModeratorId);

/// <summary>A forum member and when they joined.</summary>
public readonly record struct LdbcForumMember(long ForumId, long PersonId, DateTimeOffset JoinDate);

/// <summary>A post: text (<see cref="Content"/>) or a photo (<see cref="ImageFile"/>, empty content), in a forum.</summary>
public sealed record LdbcPost(long Id, string ImageFile, DateTimeOffset CreationDate, string LocationIp, string BrowserUsed,
    string Language, string Content, int Length, long CreatorId, long ForumId);

/// <summary>A comment, replying to a post or to a comment (exactly one of <see cref="ReplyOfPost"/> and <see cref="ReplyOfComment"/>).</summary>
public sealed record LdbcComment(long Id, DateTimeOffset CreationDate, string LocationIp, string BrowserUsed, string Content, int Length,
    long CreatorId, long? ReplyOfPost, long? ReplyOfComment);

/// <summary>A person's like of a post or a comment.</summary>
public readonly record struct LdbcLike(long PersonId, long MessageId, DateTimeOffset CreationDate);

/// <summary>
/// The parts of an LDBC SNB data set Entregent models (persons, their e-mails, languages, interests and cities,
/// friendships, work and study, organisations, places, tags, forums and their members, posts, comments, likes and
/// posts' tags), read whole into memory from either layout. Comments' tags and tag classes are not read: nothing in
/// the model keeps them. Columns are taken by position; a header, when present, must name the expected columns, so a
/// file of another shape fails with its name rather than importing nonsense.
/// </summary>
public sealed class LdbcDataSet
{
    public required LdbcLayout Layout { get; init; }
    public required IReadOnlyList<LdbcPerson> Persons { get; init; }
    public required IReadOnlyDictionary<long, List<string>> Emails { get; init; }
    public required IReadOnlyDictionary<long, List<string>> Languages { get; init; }
    public required IReadOnlyDictionary<long, List<long>> Interests { get; init; }
    public required IReadOnlyList<LdbcKnows> Knows { get; init; }
    public required IReadOnlyList<LdbcWorkAt> WorkAt { get; init; }
    public required IReadOnlyList<LdbcStudyAt> StudyAt { get; init; }
    public required IReadOnlyDictionary<long, LdbcOrganisation> Organisations { get; init; }
    public required IReadOnlyDictionary<long, LdbcPlace> Places { get; init; }
    public required IReadOnlyDictionary<long, string> Tags { get; init; }

    public IReadOnlyList<LdbcForum> Forums { get; init; } = [];
    public IReadOnlyList<LdbcForumMember> ForumMembers { get; init; } = [];
    public IReadOnlyList<LdbcPost> Posts { get; init; } = [];
    public IReadOnlyList<LdbcComment> Comments { get; init; } = [];

    /// <summary>Post id → its tags' ids.</summary>
    public IReadOnlyDictionary<long, List<long>> PostTags { get; init; } = new Dictionary<long, List<long>>();

    public IReadOnlyList<LdbcLike> PostLikes { get; init; } = [];
    public IReadOnlyList<LdbcLike> CommentLikes { get; init; } = [];

    /// <summary>What the layout lacks that the import would otherwise carry (sf0.1-partial has no e-mails or languages).</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>The layout of <paramref name="folder"/>, or null when it holds neither.</summary>
    public static LdbcLayout? DetectLayout(string folder)
    {
        var dynamic = Path.Combine(folder, "dynamic");
        if (Directory.Exists(dynamic) && Directory.EnumerateFiles(dynamic, "person_*.csv").Any(f => MergeForeignPart("person").IsMatch(Path.GetFileName(f))))
        {
            return LdbcLayout.CsvMergeForeign;
        }
        return File.Exists(Path.Combine(folder, "Person.csv")) ? LdbcLayout.Neo4j : null;
    }

    /// <summary>Reads the data set in <paramref name="folder"/>; <paramref name="onFile"/> hears each file read and its row count.</summary>
    /// <exception cref="InvalidDataException">The folder is no LDBC data set, or a file has an unexpected shape or value.</exception>
    public static LdbcDataSet Read(string folder, Action<string, int>? onFile = null)
    {
        var layout = DetectLayout(folder)
            ?? throw new InvalidDataException($"{folder} holds no LDBC SNB data set: expected dynamic/person_0_0.csv (CsvMergeForeign) or Person.csv (Neo4j style).");
        var reader = new TableReader(folder, layout, onFile);
        return layout == LdbcLayout.CsvMergeForeign ? ReadMergeForeign(reader) : ReadNeo4j(reader);
    }

    private static LdbcDataSet ReadMergeForeign(TableReader files)
    {
        const string Dynamic = "dynamic";
        const string Static = "static";
        var persons = files.Rows(Dynamic, "person", ["id", "firstName", "lastName", "gender", "birthday", "creationDate", "locationIP", "browserUsed", "place"])
            .Select(r => new LdbcPerson(Long(r, 0), r[1], r[2], r[3], IsoDay(r, 4), IsoTime(r, 5), r[6], r[7], Long(r, 8)))
            .ToList();
        var missing = new List<string>();
        return new LdbcDataSet
        {
            Layout = LdbcLayout.CsvMergeForeign,
            Persons = persons,
            Emails = Group(files.Rows(Dynamic, "person_email_emailaddress", ["Person.id", "email"]), r => r[1]),
            Languages = Group(files.Rows(Dynamic, "person_speaks_language", ["Person.id", "language"]), r => r[1]),
            Interests = Group(files.Rows(Dynamic, "person_hasInterest_tag", ["Person.id", "Tag.id"]), r => Long(r, 1)),
            Knows = [.. files.Rows(Dynamic, "person_knows_person", ["Person.id", "Person.id", "creationDate"])
                .Select(r => new LdbcKnows(Long(r, 0), Long(r, 1), IsoTime(r, 2)))],
            WorkAt = [.. files.Rows(Dynamic, "person_workAt_organisation", ["Person.id", "Organisation.id", "workFrom"])
                .Select(r => new LdbcWorkAt(Long(r, 0), Long(r, 1), Int(r, 2)))],
            StudyAt = [.. files.Rows(Dynamic, "person_studyAt_organisation", ["Person.id", "Organisation.id", "classYear"])
                .Select(r => new LdbcStudyAt(Long(r, 0), Long(r, 1), Int(r, 2)))],
            Organisations = files.Rows(Static, "organisation", ["id", "type", "name", "url", "place"])
                .Select(r => new LdbcOrganisation(Long(r, 0), r[1].ToLowerInvariant(), r[2], OptionalLong(r, 4)))
                .ToDictionary(o => o.Id),
            Places = files.Rows(Static, "place", ["id", "name", "url", "type", "isPartOf"])
                .Select(r => new LdbcPlace(Long(r, 0), r[1], r[3].ToLowerInvariant(), OptionalLong(r, 4)))
                .ToDictionary(p => p.Id),
            Tags = files.Rows(Static, "tag", ["id", "name", "url", "hasType"]).ToDictionary(r => Long(r, 0), r => r[1]),
            // Messages, forums and likes are optional: a people-only extract imports without them (noted as missing).
            Forums = [.. files.OptionalRows(Dynamic, "forum", ["id", "title", "creationDate", "moderator"], missing, "forums")
                .Select(r => new LdbcForum(Long(r, 0), r[1], IsoTime(r, 2), OptionalLong(r, 3)))],
            ForumMembers = [.. files.OptionalRows(Dynamic, "forum_hasMember_person", ["Forum.id", "Person.id", "joinDate"], missing, "forum members")
                .Select(r => new LdbcForumMember(Long(r, 0), Long(r, 1), IsoTime(r, 2)))],
            Posts = [.. files.OptionalRows(Dynamic, "post", ["id", "imageFile", "creationDate", "locationIP", "browserUsed", "language", "content", "length", "creator", "Forum.id", "place"], missing, "posts")
                .Select(r => new LdbcPost(Long(r, 0), r[1], IsoTime(r, 2), r[3], r[4], r[5], r[6], Int(r, 7), Long(r, 8), Long(r, 9)))],
            Comments = [.. files.OptionalRows(Dynamic, "comment", ["id", "creationDate", "locationIP", "browserUsed", "content", "length", "creator", "place", "replyOfPost", "replyOfComment"], missing, "comments")
                .Select(r => Comment(r, Long(r, 0), IsoTime(r, 1), Long(r, 6), OptionalLong(r, 8), OptionalLong(r, 9)))],
            PostTags = Group(files.OptionalRows(Dynamic, "post_hasTag_tag", ["Post.id", "Tag.id"], missing, "posts' tags"), r => Long(r, 1)),
            PostLikes = [.. files.OptionalRows(Dynamic, "person_likes_post", ["Person.id", "Post.id", "creationDate"], missing, "likes of posts")
                .Select(r => new LdbcLike(Long(r, 0), Long(r, 1), IsoTime(r, 2)))],
            CommentLikes = [.. files.OptionalRows(Dynamic, "person_likes_comment", ["Person.id", "Comment.id", "creationDate"], missing, "likes of comments")
                .Select(r => new LdbcLike(Long(r, 0), Long(r, 1), IsoTime(r, 2)))],
            Missing = missing,
        };
    }

    private static LdbcDataSet ReadNeo4j(TableReader files)
    {
        var cities = files.Rows("", "Person_isLocatedIn_Place", ["START_ID", "END_ID"]).ToDictionary(r => Long(r, 0), r => Long(r, 1));
        var persons = files.Rows("", "Person", ["id", "firstName", "lastName", "gender", "birthday", "creationDate", "locationIP", "browserUsed"])
            .Select(r =>
            {
                var id = Long(r, 0);
                return new LdbcPerson(id, r[1], r[2], r[3], CompactDay(r, 4), CompactTime(r, 5), r[6], r[7], cities.TryGetValue(id, out var city) ? city : null);
            })
            .ToList();
        var organisationPlaces = files.Rows("", "Organisation_isLocatedIn_Place", ["START_ID", "END_ID"]).ToDictionary(r => Long(r, 0), r => Long(r, 1));
        var partOf = files.Rows("", "Place_isPartOf_Place", ["START_ID", "END_ID"]).ToDictionary(r => Long(r, 0), r => Long(r, 1));
        var missing = new List<string>();
        // Optional in this layout: the sf0.1-partial copy dropped them.
        Dictionary<long, List<string>> emails = [], languages = [];
        if (files.Exists("", "Person_email_emailaddress"))
        {
            emails = Group(files.Rows("", "Person_email_emailaddress", ["START_ID", "email"]), r => r[1]);
        }
        else
        {
            missing.Add("persons' e-mail addresses");
        }
        if (files.Exists("", "Person_speaks_language"))
        {
            languages = Group(files.Rows("", "Person_speaks_language", ["START_ID", "language"]), r => r[1]);
        }
        else
        {
            missing.Add("persons' languages");
        }
        // Forums come with their moderators, members where the file exists (sf0.1-partial lacks
        // Forum_hasMember_Person.csv, so its forums import as groups with their moderator alone).
        List<LdbcForum> forums = [];
        if (files.Exists("", "Forum"))
        {
            var moderators = files.Exists("", "Forum_hasModerator_Person")
                ? files.Rows("", "Forum_hasModerator_Person", ["START_ID", "END_ID"]).ToDictionary(r => Long(r, 0), r => Long(r, 1))
                : [];
            forums = [.. files.Rows("", "Forum", ["id", "title", "creationDate"]).Select(r =>
            {
                var id = Long(r, 0);
                return new LdbcForum(id, r[1], CompactTime(r, 2), moderators.TryGetValue(id, out var moderator) ? moderator : null);
            })];
        }
        else
        {
            missing.Add("forums");
        }
        List<LdbcForumMember> forumMembers = [];
        if (files.Exists("", "Forum_hasMember_Person"))
        {
            forumMembers = [.. files.Rows("", "Forum_hasMember_Person", ["START_ID", "END_ID", "joinDate"])
                .Select(r => new LdbcForumMember(Long(r, 0), Long(r, 1), CompactTime(r, 2)))];
        }
        else
        {
            missing.Add("forum members");
        }
        // The only Neo4j-style copy at hand has no messages, so there is no known shape to read them by.
        missing.Add("posts and comments, so their tags and likes (this layout's reader reads none)");
        return new LdbcDataSet
        {
            Layout = LdbcLayout.Neo4j,
            Forums = forums,
            ForumMembers = forumMembers,
            Persons = persons,
            Emails = emails,
            Languages = languages,
            Interests = Group(files.Rows("", "Person_hasInterest_Tag", ["START_ID", "END_ID"]), r => Long(r, 1)),
            Knows = [.. files.Rows("", "Person_knows_Person", ["START_ID", "END_ID", "creationDate"])
                .Select(r => new LdbcKnows(Long(r, 0), Long(r, 1), CompactTime(r, 2)))],
            WorkAt = [.. files.Rows("", "Person_workAt_Organisation", ["START_ID", "END_ID", "workFrom"])
                .Select(r => new LdbcWorkAt(Long(r, 0), Long(r, 1), Int(r, 2)))],
            StudyAt = [.. files.Rows("", "Person_studyAt_Organisation", ["START_ID", "END_ID", "classYear"])
                .Select(r => new LdbcStudyAt(Long(r, 0), Long(r, 1), Int(r, 2)))],
            Organisations = files.Rows("", "Organisation", ["id", "LABEL", "name", "url"])
                .Select(r =>
                {
                    var id = Long(r, 0);
                    return new LdbcOrganisation(id, r[1].ToLowerInvariant(), r[2], organisationPlaces.TryGetValue(id, out var place) ? place : null);
                })
                .ToDictionary(o => o.Id),
            Places = files.Rows("", "Place", ["id", "name", "url", "LABEL"])
                .Select(r =>
                {
                    var id = Long(r, 0);
                    return new LdbcPlace(id, r[1], r[3].ToLowerInvariant(), partOf.TryGetValue(id, out var parent) ? parent : null);
                })
                .ToDictionary(p => p.Id),
            Tags = files.Rows("", "Tag", ["id", "name", "url"]).ToDictionary(r => Long(r, 0), r => r[1]),
            Missing = missing,
        };
    }

    private static LdbcComment Comment(Row r, long id, DateTimeOffset created, long creator, long? replyOfPost, long? replyOfComment) =>
        (replyOfPost is null) == (replyOfComment is null)
            ? throw r.Bad(replyOfPost is null ? 8 : 9, "alone: a comment replies to a post or to a comment")
            : new LdbcComment(id, created, r[2], r[3], r[4], Int(r, 5), creator, replyOfPost, replyOfComment);

    private static Dictionary<long, List<T>> Group<T>(IEnumerable<Row> rows, Func<Row, T> value)
    {
        var result = new Dictionary<long, List<T>>();
        foreach (var row in rows)
        {
            var key = Long(row, 0);
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }
            list.Add(value(row));
        }
        return result;
    }

    private static long Long(Row row, int column) =>
        long.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw row.Bad(column, "an integer");

    private static long? OptionalLong(Row row, int column) => row[column].Length == 0 ? null : Long(row, column);

    private static int Int(Row row, int column) =>
        int.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw row.Bad(column, "an integer");

    private static DateTimeOffset IsoTime(Row row, int column) =>
        DateTimeOffset.TryParseExact(row[column], "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToUniversalTime() : throw row.Bad(column, "a time like 2010-06-27T23:36:57.962+0000");

    private static DateOnly IsoDay(Row row, int column) =>
        DateOnly.TryParseExact(row[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value : throw row.Bad(column, "a day like 1987-09-18");

    private static DateTimeOffset CompactTime(Row row, int column) =>
        DateTimeOffset.TryParseExact(row[column], "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime() : throw row.Bad(column, "a time like 20100214153210447");

    private static DateOnly CompactDay(Row row, int column) =>
        DateOnly.TryParseExact(row[column], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value : throw row.Bad(column, "a day like 19891203");

    private static Regex MergeForeignPart(string table) => new($"^{Regex.Escape(table)}_[0-9]+_[0-9]+\\.csv$", RegexOptions.CultureInvariant);

    private static Regex Neo4jPart(string table) => new($"^{Regex.Escape(table)}(_[0-9]+)?\\.csv$", RegexOptions.CultureInvariant);

    /// <summary>One data row with where it came from, for error messages.</summary>
    private readonly record struct Row(string[] Fields, string File, int Line)
    {
        public string this[int column] => Fields[column];

        public InvalidDataException Bad(int column, string expected) =>
            new($"{File}, line {Line}, column {column + 1}: '{Fields[column]}' is not {expected}.");
    }

    /// <summary>Finds a table's part files and yields their rows, headers checked and skipped.</summary>
    private sealed class TableReader(string folder, LdbcLayout layout, Action<string, int>? onFile)
    {
        private static readonly CsvReaderOptions Csv = new()
        {
            Separator = '|',
            HasHeader = false,
            // LDBC files are never quoted: a quote in a name or a post is a character like any other.
            Mode = CsvMode.NoEscape,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };

        public bool Exists(string subfolder, string table) => Parts(subfolder, table).Count > 0;

        /// <summary>The table's rows, or none (and <paramref name="what"/> noted as missing) when it has no file.</summary>
        public IEnumerable<Row> OptionalRows(string subfolder, string table, string[] columns, List<string> missing, string what)
        {
            if (Exists(subfolder, table))
            {
                return Rows(subfolder, table, columns);
            }
            missing.Add(what);
            return [];
        }

        public IEnumerable<Row> Rows(string subfolder, string table, string[] columns)
        {
            var parts = Parts(subfolder, table);
            if (parts.Count == 0)
            {
                throw new InvalidDataException($"{Path.Combine(folder, subfolder)} has no file for {table} ({layout} layout).");
            }
            foreach (var path in parts)
            {
                var name = Path.GetRelativePath(folder, path);
                var count = 0;
                using var csv = CsvReader.FromFile(path, Csv);
                var first = true;
                while (csv.Read())
                {
                    var line = (int)csv.LineNumber;
                    var fields = new string[csv.FieldCount];
                    for (var i = 0; i < fields.Length; i++)
                    {
                        fields[i] = csv.GetString(i);
                    }
                    if (fields.Length < columns.Length)
                    {
                        throw new InvalidDataException($"{name}, line {line}: {fields.Length} columns, expected {columns.Length} ({string.Join('|', columns)}).");
                    }
                    // Every table starts with an integer id: a first line that does not is a header. Later parts of
                    // a split Neo4j table may have none.
                    if (first)
                    {
                        first = false;
                        if (!long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                        {
                            CheckHeader(name, fields, columns);
                            continue;
                        }
                    }
                    count++;
                    yield return new Row(fields, name, line);
                }
                onFile?.Invoke(name, count);
            }
        }

        private List<string> Parts(string subfolder, string table)
        {
            var directory = Path.Combine(folder, subfolder);
            if (!Directory.Exists(directory))
            {
                return [];
            }
            var pattern = layout == LdbcLayout.CsvMergeForeign ? MergeForeignPart(table) : Neo4jPart(table);
            // X.csv before X_1.csv before X_2.csv.
            return [.. Directory.EnumerateFiles(directory, "*.csv")
                .Where(f => pattern.IsMatch(Path.GetFileName(f)))
                .OrderBy(f => Path.GetFileNameWithoutExtension(f).Length)
                .ThenBy(f => f, StringComparer.Ordinal)];
        }

        /// <summary>"id:ID(Person)" names the column "id"; ":START_ID(Person)" names it "START_ID"; "Person.id" stays.</summary>
        internal static string ColumnName(string header)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return header;
            }
            if (colon > 0)
            {
                return header[..colon];
            }
            var type = header[1..];
            var parenthesis = type.IndexOf('(', StringComparison.Ordinal);
            return parenthesis < 0 ? type : type[..parenthesis];
        }

        private static void CheckHeader(string file, string[] header, string[] columns)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (!string.Equals(ColumnName(header[i]), columns[i], StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException(
                        $"{file}: column {i + 1} is '{header[i]}', expected '{columns[i]}' (header {string.Join('|', header)}).");
                }
            }
        }
    }
}
