using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Search;

/// <summary>
/// What decides a post's or group's visibility, packed in one numeric column (<see cref="Fields.Flags"/>) so a match costs
/// one doc-values read for all of it: post audience, post state, the author's profile reach, the group's kind and whether
/// it is internal. The rule itself stays in <see cref="PostAccess"/> and <see cref="GroupAccess"/>; these are its inputs.
/// </summary>
internal static class VisibilityFlags
{
    public static long Pack(PostAudience audience, PostState state, ProfileReach reach, GroupKind kind, bool isInternal) =>
        (long)audience | ((long)state << 4) | ((long)reach << 8) | ((long)kind << 12) | (isInternal ? 1L << 16 : 0);

    public static PostAudience Audience(long flags) => (PostAudience)(flags & 0xF);
    public static PostState State(long flags) => (PostState)((flags >> 4) & 0xF);
    public static ProfileReach Reach(long flags) => (ProfileReach)((flags >> 8) & 0xF);
    public static GroupKind Kind(long flags) => (GroupKind)((flags >> 12) & 0xF);
    public static bool IsInternal(long flags) => (flags & (1L << 16)) != 0;
}

/// <summary>
/// What the index holds of a published post. The author's reach and the group's kind are copied in (visibility is then
/// decided per match without a store read); the builder re-writes an author's posts when their profile changes and a
/// group's posts when the group changes, so the copies follow the feed like everything else.
/// </summary>
internal sealed record PostEntry(
    long PostId, long AuthorId, PostAudience Audience, PostState State, long? GroupId, GroupFacts? Group, ProfileReach AuthorReach,
    string? Title, string Text, IReadOnlyList<string> Hashtags, DateTimeOffset CreatedAt)
{
    // Markdown to text for the index only: no cache needed (each post is indexed once per change).
    private static readonly MarkdownRenderer Plain = new();

    /// <summary>The entries of the listed posts that search may find: published ones whose author has a profile. Three queries.</summary>
    public static async Task<Dictionary<long, PostEntry>> LoadAsync(EntregentDb db, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        var ids = postIds.ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id) && p.State == PostState.Published)
            .Select(p => new { p.Id, p.AuthorId, p.Audience, p.State, p.GroupId, p.Title, p.Body, p.CreatedAt })
            .ToListAsync(cancellationToken);
        var authorIds = posts.Select(p => p.AuthorId).Distinct().ToList();
        var reaches = await db.Profiles.AsNoTracking().Where(p => authorIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Reach }).ToDictionaryAsync(p => p.MemberId, p => p.Reach, cancellationToken);
        var groupIds = posts.Where(p => p.GroupId is not null).Select(p => p.GroupId!.Value).Distinct().ToList();
        var groups = groupIds.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var tags = (await db.PostHashtags.AsNoTracking().Where(h => ids.Contains(h.PostId)).Select(h => new { h.PostId, h.Tag })
            .ToListAsync(cancellationToken)).ToLookup(h => h.PostId, h => h.Tag);
        return posts.Where(p => reaches.ContainsKey(p.AuthorId)).ToDictionary(p => p.Id, p => new PostEntry(
            p.Id, p.AuthorId, p.Audience, p.State, p.GroupId, p.GroupId is { } g && groups.TryGetValue(g, out var facts) ? facts : null,
            reaches[p.AuthorId], p.Title, Plain.ToPlainText(p.Body, Post.ArticleBodyMaxLength + 1), [.. tags[p.Id]], p.CreatedAt));
    }

    public Document ToDocument()
    {
        var document = new Document
        {
            new StringField(Fields.Key, Fields.PostKey(PostId), Field.Store.NO),
            new StringField(Fields.Type, Fields.PostType, Field.Store.NO),
            new StringField(Fields.AuthorTerm, Fields.IdTerm(AuthorId), Field.Store.NO),
            new NumericDocValuesField(Fields.Id, PostId),
            new NumericDocValuesField(Fields.AuthorId, AuthorId),
            new NumericDocValuesField(Fields.GroupId, GroupId ?? -1),
            new NumericDocValuesField(Fields.GroupOrganizationId, Group?.OrganizationId ?? -1),
            new NumericDocValuesField(Fields.Flags, VisibilityFlags.Pack(Audience, State, AuthorReach, Group?.Kind ?? GroupKind.Public, Group?.IsInternal ?? false)),
            new NumericDocValuesField(Fields.CreatedAt, CreatedAt.UtcTicks),
        };
        if (GroupId is { } groupId)
        {
            document.Add(new StringField(Fields.GroupTerm, Fields.IdTerm(groupId), Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(Title))
        {
            document.Add(new TextField(Fields.PostTitle, Title, Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            document.Add(new TextField(Fields.PostBody, Text, Field.Store.NO));
        }
        // Stored folded (MarkdownRenderer.FoldHashtag): indexed as they are, so a query folds its tag the same way.
        foreach (var tag in Hashtags.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Fields.Hashtag, tag, Field.Store.NO));
            // Also as a word, so "énergie" typed in the box finds "#Énergie" even when the body spells it otherwise.
            document.Add(new TextField(Fields.PostBody, tag, Field.Store.NO));
        }
        return document;
    }
}

/// <summary>What the index holds of a group: its name and description, and the facts that decide who may find it.</summary>
internal sealed record GroupEntry(GroupFacts Facts, string Name, string? Description, int MemberCount, long CreatedById)
{
    public static async Task<Dictionary<long, GroupEntry>> LoadAsync(EntregentDb db, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.ToList();
        return await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, g.Kind, g.OrganizationId, g.IsInternal, g.Name, g.Description, g.MemberCount, g.CreatedById })
            .ToDictionaryAsync(g => g.Id, g => new GroupEntry(new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal), g.Name, g.Description,
                g.MemberCount, g.CreatedById), cancellationToken);
    }

    public Document ToDocument()
    {
        var document = new Document
        {
            new StringField(Fields.Key, Fields.GroupKey(Facts.Id), Field.Store.NO),
            new StringField(Fields.Type, Fields.GroupType, Field.Store.NO),
            new NumericDocValuesField(Fields.Id, Facts.Id),
            new NumericDocValuesField(Fields.AuthorId, CreatedById),
            new NumericDocValuesField(Fields.GroupOrganizationId, Facts.OrganizationId ?? -1),
            new NumericDocValuesField(Fields.Flags, VisibilityFlags.Pack(PostAudience.Group, PostState.Published, ProfileReach.Everyone, Facts.Kind, Facts.IsInternal)),
            new NumericDocValuesField(Fields.MemberCount, MemberCount),
            new TextField(Fields.GroupName, Name, Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(Description))
        {
            document.Add(new TextField(Fields.GroupDescription, Description, Field.Store.NO));
        }
        return document;
    }
}
