using System.Globalization;
using System.Net;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Ldbc;

/// <summary>What the community part of an import wrote.</summary>
public sealed record LdbcCommunitySummary(int Groups, int Memberships, int Posts, int Comments, int Reactions, int Hashtags)
{
    public static readonly LdbcCommunitySummary None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The community half of the import: forums become groups (moderator as owner, members with their join date), posts
/// become group posts, comments keep their reply structure, likes become reactions, posts' tags hashtags.
/// </summary>
/// <remarks>
/// <para>
/// Re-import follows the people half's rule: what an external key says was imported before is left as it is. A forum,
/// post or comment is keyed (kinds <see cref="GroupKeyKind"/>, <see cref="PostKeyKind"/>, <see cref="CommentKeyKind"/>);
/// memberships come with their group, tags and likes with their message, so nothing is ever written twice.
/// </para>
/// <para>
/// Comments: LDBC replies nest to any depth, the product shows one level. A reply to a post is a top-level comment;
/// a reply to a comment keeps the exact comment it answers (<see cref="Comment.ReplyToCommentId"/>) and sits under its
/// chain's top-level comment (<see cref="Comment.ParentCommentId"/>). Comments are inserted level by level, so each
/// batch's parents already have their local ids.
/// </para>
/// <para>
/// Kept beside the message in <see cref="ImportedContent"/>: a photo post's file name (its body stays empty), the
/// language, IP, browser and LDBC's length. Not kept: comments' tags and places, forums' tags, and tag classes —
/// no part of the model holds them.
/// </para>
/// </remarks>
public static partial class ImportLdbc
{
    public const string GroupKeyKind = "group";
    public const string PostKeyKind = "post";
    public const string CommentKeyKind = "comment";

    /// <summary>
    /// A tag's name as LDBC writes it (the key's external id) and its LDBC id (the key's local id): hashtags keep tags
    /// folded and have no row of their own, so the names answers quote are kept here, found back by folding. Written for
    /// the tags imported posts carry.
    /// </summary>
    public const string TagNameKeyKind = "tag-name";

    /// <summary>
    /// A tag name as a post's hashtag, folded as members' hashtags are (<see cref="MarkdownRenderer.FoldHashtag"/>: lower
    /// case, accents removed, letters, digits and '_'), anything else first made one '_', so that typing the tag reaches
    /// the imported posts: "Genghis_Khan" → "genghis_khan", "Pope_Benedict_XVI" → "pope_benedict_xvi",
    /// "Niccolò_Machiavelli" → "niccolo_machiavelli". Empty when nothing is left. The original names stay in the data
    /// set's tag table.
    /// </summary>
    public static string HashtagOf(string tagName)
    {
        ArgumentNullException.ThrowIfNull(tagName);
        var joined = NonWordRuns().Replace(tagName, "_").Trim('_');
        var folded = joined.Length == 0 ? "" : MarkdownRenderer.FoldHashtag(joined) ?? "";
        return folded.Length <= PostHashtag.TagMaxLength ? folded : folded[..PostHashtag.TagMaxLength];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{M}\p{N}_]+")]
    private static partial System.Text.RegularExpressions.Regex NonWordRuns();

    /// <summary>Imported text as a body's HTML: encoded, in one paragraph (LDBC text is plain, never Markdown).</summary>
    public static string HtmlOf(string text) => text.Length == 0 ? "" : "<p>" + WebUtility.HtmlEncode(text) + "</p>";

    /// <summary>Where a comment sits: its thread's post, its chain's top-level comment, how deep it is.</summary>
    public readonly record struct CommentPlace(long RootPostId, long? TopLevelCommentId, int Depth);

    /// <summary>
    /// Walks each comment's reply chain to its post (LDBC ids); a comment whose chain breaks (a reply to a comment or post
    /// the data set lacks) or loops is absent from the answer.
    /// </summary>
    public static Dictionary<long, CommentPlace> PlaceComments(IReadOnlyList<LdbcComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var byId = new Dictionary<long, LdbcComment>(comments.Count);
        foreach (var c in comments)
        {
            byId.TryAdd(c.Id, c);
        }
        var places = new Dictionary<long, CommentPlace>(comments.Count);
        var broken = new HashSet<long>();
        var chain = new List<long>();
        var onChain = new HashSet<long>();
        foreach (var start in comments)
        {
            chain.Clear();
            onChain.Clear();
            var current = start;
            CommentPlace? anchor = null;
            // Up the chain to a comment already placed or a reply to a post (the anchor); the chain holds the comments
            // below it, the last one answering the anchor.
            while (true)
            {
                if (places.TryGetValue(current.Id, out var known))
                {
                    anchor = known;
                    break;
                }
                if (broken.Contains(current.Id) || !onChain.Add(current.Id))
                {
                    break;
                }
                if (current.ReplyOfPost is { } post)
                {
                    anchor = places[current.Id] = new CommentPlace(post, null, 0);
                    break;
                }
                chain.Add(current.Id);
                if (current.ReplyOfComment is not { } parent || !byId.TryGetValue(parent, out var next))
                {
                    break;
                }
                current = next;
            }
            if (anchor is not { } top)
            {
                broken.UnionWith(onChain);
                continue;
            }
            var topLevel = top.TopLevelCommentId ?? current.Id;
            var depth = top.Depth;
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                depth++;
                places[chain[i]] = new CommentPlace(top.RootPostId, topLevel, depth);
            }
        }
        return places;
    }

    private static async Task<LdbcCommunitySummary> ImportCommunityAsync(EntregentDb db, LdbcDataSet data, Dictionary<long, long> members,
        List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var groups = await LoadKeysAsync(db, GroupKeyKind, cancellationToken);
        var (newGroups, memberships) = await ImportGroupsAsync(db, data, members, groups, notes, progress, cancellationToken);

        var posts = await LoadKeysAsync(db, PostKeyKind, cancellationToken);
        var comments = await LoadKeysAsync(db, CommentKeyKind, cancellationToken);
        var plan = PlanMessages(data, members, groups, posts, comments, notes);
        var (newPosts, hashtags) = await ImportPostsAsync(db, data, plan, members, groups, posts, notes, progress, cancellationToken);
        await ImportTagNamesAsync(db, data, plan, cancellationToken);
        var newComments = await ImportCommentsAsync(db, plan, members, posts, comments, notes, progress, cancellationToken);
        var reactions = await ImportReactionsAsync(db, plan, posts, comments, progress, cancellationToken);
        return new LdbcCommunitySummary(newGroups, memberships, newPosts, newComments, reactions, hashtags);
    }

    private static async Task<(int Groups, int Memberships)> ImportGroupsAsync(EntregentDb db, LdbcDataSet data, Dictionary<long, long> members,
        Dictionary<long, long> keys, List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var pending = data.Forums.Where(f => !keys.ContainsKey(f.Id)).OrderBy(f => f.Id).ToList();
        var skippedForums = data.Forums.Count - pending.Count;
        if (skippedForums > 0)
        {
            notes.Add($"{skippedForums} forums were imported before and are left as they are (their members too)");
        }
        if (pending.Count == 0)
        {
            progress?.Invoke("groups (forums)", 0, 0);
            return (0, 0);
        }
        var fresh = pending.Select(f => f.Id).ToHashSet();
        var joined = data.ForumMembers.Where(m => fresh.Contains(m.ForumId)).ToLookup(m => m.ForumId);
        var slugs = (await db.Groups.AsNoTracking().Select(g => g.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        int groupCount = 0, membershipCount = 0, noModerator = 0, unknownMembers = 0, done = 0;
        foreach (var batch in pending.Chunk(BatchSize))
        {
            var rows = new List<(LdbcForum Forum, Group Group, List<GroupMembership> Memberships)>(batch.Length);
            foreach (var forum in batch)
            {
                // A group needs a creator: a forum without a known moderator has no one to own it.
                if (forum.ModeratorId is not { } moderatorLdbc || !members.TryGetValue(moderatorLdbc, out var moderator))
                {
                    noModerator++;
                    continue;
                }
                var list = new List<GroupMembership>();
                var seen = new HashSet<long>();
                foreach (var m in joined[forum.Id])
                {
                    if (!members.TryGetValue(m.PersonId, out var memberId))
                    {
                        unknownMembers++;
                        continue;
                    }
                    if (seen.Add(memberId))
                    {
                        list.Add(new GroupMembership
                        {
                            MemberId = memberId,
                            Role = memberId == moderator ? GroupRole.Owner : GroupRole.Member,
                            State = GroupMembershipState.Member,
                            CreatedAt = m.JoinDate,
                            JoinedAt = m.JoinDate,
                        });
                    }
                }
                // LDBC's moderator is rarely a member too; here the owner is, since the forum's creation.
                if (seen.Add(moderator))
                {
                    list.Add(new GroupMembership
                    {
                        MemberId = moderator,
                        Role = GroupRole.Owner,
                        State = GroupMembershipState.Member,
                        CreatedAt = forum.CreationDate,
                        JoinedAt = forum.CreationDate,
                    });
                }
                var group = new Group
                {
                    Name = Truncate(forum.Title.Length == 0 ? "Forum " + forum.Id.ToString(CultureInfo.InvariantCulture) : forum.Title, Group.NameMaxLength),
                    Slug = GroupSlug(forum, slugs),
                    // Public, open to join: LDBC forums (walls, albums, interest groups) have no access rules, and every
                    // Interactive query reads every forum's posts; public keeps imported posts readable by whoever may
                    // see their author, as the data set means them.
                    Kind = GroupKind.Public,
                    JoinPolicy = GroupJoinPolicy.Open,
                    CreatedById = moderator,
                    CreatedAt = forum.CreationDate,
                    UpdatedAt = forum.CreationDate,
                    MemberCount = list.Count,
                };
                rows.Add((forum, group, list));
            }
            db.Groups.AddRange(rows.Select(r => r.Group));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (forum, group, list) in rows)
            {
                keys[forum.Id] = group.Id;
                db.ExternalKeys.Add(Key(GroupKeyKind, forum.Id, group.Id));
                foreach (var membership in list)
                {
                    membership.GroupId = group.Id;
                }
                db.GroupMemberships.AddRange(list);
                membershipCount += list.Count;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            groupCount += rows.Count;
            done += batch.Length;
            progress?.Invoke("groups (forums)", done, pending.Count);
        }
        if (noModerator > 0)
        {
            notes.Add($"{noModerator} forums have no known moderator and were left out, with their posts");
        }
        if (unknownMembers > 0)
        {
            notes.Add($"{unknownMembers} forum memberships name an unknown person and were left out");
        }
        return (groupCount, membershipCount);
    }

    /// <summary>"Wall of Jose Alonso" (id 274877906944) → "wall-of-jose-alonso-274877906944": unique by the id.</summary>
    private static string GroupSlug(LdbcForum forum, HashSet<string> taken)
    {
        var id = forum.Id.ToString(CultureInfo.InvariantCulture);
        var stem = TextKeys.Slug(forum.Title, Group.SlugMaxLength - id.Length - 4);
        var slug = stem.Length == 0 ? "forum-" + id : stem + "-" + id;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{stem}-{id}-{n}");
        }
        return slug;
    }

    /// <summary>The messages and likes to write, decided before writing so that counts are right on first insert.</summary>
    private sealed class MessagePlan
    {
        public List<LdbcPost> Posts { get; } = [];

        /// <summary>Fresh comments with their place, shallowest first.</summary>
        public List<(LdbcComment Comment, CommentPlace Place)> Comments { get; } = [];

        public Dictionary<long, int> CommentsPerPost { get; } = [];

        /// <summary>Posts imported before that gain comments: LDBC post id → how many.</summary>
        public Dictionary<long, int> CommentsOnEarlierPosts { get; } = [];

        public List<(long MemberId, LdbcLike Like)> PostLikes { get; } = [];
        public List<(long MemberId, LdbcLike Like, long RootPostId)> CommentLikes { get; } = [];
        public Dictionary<long, int> LikesPerPost { get; } = [];
        public Dictionary<long, int> LikesPerComment { get; } = [];
    }

    private static MessagePlan PlanMessages(LdbcDataSet data, Dictionary<long, long> members, Dictionary<long, long> groups,
        Dictionary<long, long> posts, Dictionary<long, long> comments, List<string> notes)
    {
        var plan = new MessagePlan();
        int earlierPosts = 0, orphanPosts = 0, earlierComments = 0, orphanComments = 0;
        var freshPosts = new HashSet<long>();
        foreach (var post in data.Posts)
        {
            if (posts.ContainsKey(post.Id))
            {
                earlierPosts++;
            }
            else if (!members.ContainsKey(post.CreatorId) || !groups.ContainsKey(post.ForumId) || !freshPosts.Add(post.Id))
            {
                orphanPosts++;
            }
            else
            {
                plan.Posts.Add(post);
            }
        }
        var places = PlaceComments(data.Comments);
        var freshComments = new HashSet<long>();
        foreach (var comment in data.Comments)
        {
            if (comments.ContainsKey(comment.Id))
            {
                earlierComments++;
                continue;
            }
            // Its post must exist (now or from before) and its whole chain be written, or the reply would hang in the air.
            if (!members.ContainsKey(comment.CreatorId) || !places.TryGetValue(comment.Id, out var place)
                || !(freshPosts.Contains(place.RootPostId) || posts.ContainsKey(place.RootPostId)))
            {
                orphanComments++;
                continue;
            }
            plan.Comments.Add((comment, place));
        }
        // A reply whose parent is left out is left out too: shallowest first settles each parent before its replies.
        plan.Comments.Sort((a, b) => a.Place.Depth.CompareTo(b.Place.Depth));
        var kept = new List<(LdbcComment, CommentPlace)>(plan.Comments.Count);
        foreach (var (comment, place) in plan.Comments)
        {
            var parentKnown = comment.ReplyOfComment is not { } parent || freshComments.Contains(parent) || comments.ContainsKey(parent);
            if (!parentKnown || !freshComments.Add(comment.Id))
            {
                orphanComments++;
                continue;
            }
            kept.Add((comment, place));
            var counts = freshPosts.Contains(place.RootPostId) ? plan.CommentsPerPost : plan.CommentsOnEarlierPosts;
            counts[place.RootPostId] = counts.GetValueOrDefault(place.RootPostId) + 1;
        }
        plan.Comments.Clear();
        plan.Comments.AddRange(kept);

        // Likes come with their message: those of messages imported before were imported then.
        var rootOf = kept.ToDictionary(c => c.Item1.Id, c => c.Item2.RootPostId);
        var seen = new HashSet<(long, long, bool)>();
        var unknownLikes = 0;
        foreach (var like in data.PostLikes)
        {
            if (!freshPosts.Contains(like.MessageId) || posts.ContainsKey(like.MessageId))
            {
                continue;
            }
            if (!members.TryGetValue(like.PersonId, out var memberId) || !seen.Add((memberId, like.MessageId, false)))
            {
                unknownLikes++;
                continue;
            }
            plan.PostLikes.Add((memberId, like));
            plan.LikesPerPost[like.MessageId] = plan.LikesPerPost.GetValueOrDefault(like.MessageId) + 1;
        }
        foreach (var like in data.CommentLikes)
        {
            if (!rootOf.TryGetValue(like.MessageId, out var root))
            {
                continue;
            }
            if (!members.TryGetValue(like.PersonId, out var memberId) || !seen.Add((memberId, like.MessageId, true)))
            {
                unknownLikes++;
                continue;
            }
            plan.CommentLikes.Add((memberId, like, root));
            plan.LikesPerComment[like.MessageId] = plan.LikesPerComment.GetValueOrDefault(like.MessageId) + 1;
        }

        if (earlierPosts + earlierComments > 0)
        {
            notes.Add($"{earlierPosts} posts and {earlierComments} comments were imported before and are left as they are (their tags and likes too)");
        }
        if (orphanPosts > 0)
        {
            notes.Add($"{orphanPosts} posts name an unknown author or forum (or repeat an id) and were left out");
        }
        if (orphanComments > 0)
        {
            notes.Add($"{orphanComments} comments name an unknown author or reply to a message left out, and were left out");
        }
        if (unknownLikes > 0)
        {
            notes.Add($"{unknownLikes} likes name an unknown person (or repeat one) and were left out");
        }
        return plan;
    }

    private static async Task<(int Posts, int Hashtags)> ImportPostsAsync(EntregentDb db, LdbcDataSet data, MessagePlan plan,
        Dictionary<long, long> members, Dictionary<long, long> groups, Dictionary<long, long> keys, List<string> notes, ImportProgress? progress,
        CancellationToken cancellationToken)
    {
        int done = 0, hashtags = 0, cut = 0;
        foreach (var batch in plan.Posts.Chunk(BatchSize))
        {
            var rows = new List<(LdbcPost Ldbc, Post Row)>(batch.Length);
            foreach (var p in batch)
            {
                var body = p.Content;
                if (body.Length > Post.PostBodyMaxLength)
                {
                    cut++;
                    body = body[..Post.PostBodyMaxLength];
                }
                rows.Add((p, new Post
                {
                    AuthorId = members[p.CreatorId],
                    Kind = PostKind.Post,
                    Audience = PostAudience.Group,
                    GroupId = groups[p.ForumId],
                    State = PostState.Published,
                    Body = body,
                    BodyHtml = HtmlOf(body),
                    CreatedAt = p.CreationDate,
                    CommentCount = plan.CommentsPerPost.GetValueOrDefault(p.Id),
                    ReactionCount = plan.LikesPerPost.GetValueOrDefault(p.Id),
                }));
            }
            db.Posts.AddRange(rows.Select(r => r.Row));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (p, row) in rows)
            {
                keys[p.Id] = row.Id;
                db.ExternalKeys.Add(Key(PostKeyKind, p.Id, row.Id));
                db.ImportedContent.Add(new ImportedContent
                {
                    PostId = row.Id,
                    ImageFile = p.ImageFile.Length == 0 ? null : Truncate(p.ImageFile, 200),
                    Language = p.Language.Length == 0 ? null : Truncate(p.Language, 20),
                    LocationIp = Truncate(p.LocationIp, 45),
                    Browser = Truncate(p.BrowserUsed, 40),
                    Length = p.Length,
                });
                if (data.PostTags.TryGetValue(p.Id, out var tags))
                {
                    foreach (var tag in tags.Select(t => data.Tags.TryGetValue(t, out var name) ? HashtagOf(name) : "")
                        .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
                    {
                        db.PostHashtags.Add(new PostHashtag { PostId = row.Id, Tag = tag });
                        hashtags++;
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke("posts", done, plan.Posts.Count);
        }
        if (plan.Posts.Count == 0)
        {
            progress?.Invoke("posts", 0, 0);
        }
        if (cut > 0)
        {
            // ImportedContent.Length keeps LDBC's length of the whole text.
            notes.Add($"{cut} posts were cut to a post's {Post.PostBodyMaxLength} characters");
        }
        return (plan.Posts.Count, hashtags);
    }

    private static async Task ImportTagNamesAsync(EntregentDb db, LdbcDataSet data, MessagePlan plan, CancellationToken cancellationToken)
    {
        var known = (await db.ExternalKeys.AsNoTracking().Where(k => k.Source == Source && k.Kind == TagNameKeyKind).Select(k => k.ExternalId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var used = plan.Posts.SelectMany(p => data.PostTags.TryGetValue(p.Id, out var tags) ? tags : []).Distinct()
            .Select(t => (Id: t, Name: data.Tags.GetValueOrDefault(t)))
            .Where(t => t.Name is { Length: > 0 and <= 100 } && known.Add(t.Name))
            .ToList();
        foreach (var batch in used.Chunk(BatchSize))
        {
            db.ExternalKeys.AddRange(batch.Select(t => new ExternalKey { Source = Source, Kind = TagNameKeyKind, ExternalId = t.Name!, LocalId = t.Id }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<int> ImportCommentsAsync(EntregentDb db, MessagePlan plan, Dictionary<long, long> members,
        Dictionary<long, long> posts, Dictionary<long, long> keys, List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var cut = 0;
        // One depth at a time: a batch's parents are all saved, so their local ids are known.
        foreach (var level in plan.Comments.GroupBy(c => c.Place.Depth))
        {
            foreach (var batch in level.Chunk(BatchSize))
            {
                var rows = new List<(LdbcComment Ldbc, Comment Row)>(batch.Length);
                foreach (var (c, place) in batch)
                {
                    var body = c.Content;
                    if (body.Length > Comment.BodyMaxLength)
                    {
                        cut++;
                        body = body[..Comment.BodyMaxLength];
                    }
                    rows.Add((c, new Comment
                    {
                        PostId = posts[place.RootPostId],
                        AuthorId = members[c.CreatorId],
                        ParentCommentId = place.TopLevelCommentId is { } top ? keys[top] : null,
                        ReplyToCommentId = c.ReplyOfComment is { } parent ? keys[parent] : null,
                        Body = body,
                        BodyHtml = HtmlOf(body),
                        CreatedAt = c.CreationDate,
                        ReactionCount = plan.LikesPerComment.GetValueOrDefault(c.Id),
                    }));
                }
                db.Comments.AddRange(rows.Select(r => r.Row));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (c, row) in rows)
                {
                    keys[c.Id] = row.Id;
                    db.ExternalKeys.Add(Key(CommentKeyKind, c.Id, row.Id));
                    db.ImportedContent.Add(new ImportedContent
                    {
                        CommentId = row.Id,
                        LocationIp = Truncate(c.LocationIp, 45),
                        Browser = Truncate(c.BrowserUsed, 40),
                        Length = c.Length,
                    });
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Invoke("comments", done, plan.Comments.Count);
            }
        }
        if (plan.Comments.Count == 0)
        {
            progress?.Invoke("comments", 0, 0);
        }
        if (cut > 0)
        {
            notes.Add($"{cut} comments were cut to a comment's {Comment.BodyMaxLength} characters");
        }
        // Posts imported before that gained comments now: their counts follow, through the change tracker (feed rows too).
        foreach (var chunk in plan.CommentsOnEarlierPosts.Chunk(BatchSize))
        {
            var ids = chunk.Select(p => posts[p.Key]).ToList();
            var earlier = await db.Posts.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var (ldbc, added) in chunk)
            {
                earlier[posts[ldbc]].CommentCount += added;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return plan.Comments.Count;
    }

    private static async Task<int> ImportReactionsAsync(EntregentDb db, MessagePlan plan, Dictionary<long, long> posts, Dictionary<long, long> comments,
        ImportProgress? progress, CancellationToken cancellationToken)
    {
        var all = plan.PostLikes.Select(l => new Reaction { PostId = posts[l.Like.MessageId], MemberId = l.MemberId, Kind = ReactionKind.Like, CreatedAt = l.Like.CreationDate })
            .Concat(plan.CommentLikes.Select(l => new Reaction
            {
                PostId = posts[l.RootPostId],
                CommentId = comments[l.Like.MessageId],
                MemberId = l.MemberId,
                Kind = ReactionKind.Like,
                CreatedAt = l.Like.CreationDate,
            }));
        var total = plan.PostLikes.Count + plan.CommentLikes.Count;
        var done = 0;
        foreach (var batch in all.Chunk(BatchSize))
        {
            db.Reactions.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke("reactions (likes)", done, total);
        }
        if (total == 0)
        {
            progress?.Invoke("reactions (likes)", 0, 0);
        }
        return total;
    }
}
