using System.Text.Json.Nodes;
using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Ldbc;

/// <summary>
/// The queries over messages, groups and reactions: answered from the posts, comments, groups and memberships members
/// use, with the graph for "friends" and "friends of friends". A message's LDBC id is its import key; its content is
/// its body, or the photo's file name (kept in <see cref="ImportedContent"/>) for a photo post.
/// </summary>
public static partial class ValidateLdbc
{
    /// <summary>A post or comment as the message queries see it.</summary>
    private readonly record struct Message(bool IsPost, long LocalId, long Ldbc, long AuthorId, DateTimeOffset CreatedAt);

    /// <summary>IC2: friends' messages created at or before maxDate, newest first, then by message id; limit.</summary>
    private static async Task<JsonNode> FriendsMessagesAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ2"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var friends = c.Graph.Graph.GetConnections(viewer).Select(x => c.Graph.MemberIdOf(x.Member)).ToList();
        var atMost = Date(operation, "maxDate");
        return await RecentMessagesAsync(c, friends, atMost.AddMilliseconds(1), operation.IntParameter("limit"), cancellationToken);
    }

    /// <summary>IC9: as IC2 over friends and friends of friends, strictly before maxDate.</summary>
    private static async Task<JsonNode> NetworkMessagesAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ9"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var near = c.Graph.Graph.Neighbourhood(viewer, maxDepth: 2, maxResults: int.MaxValue).Select(n => c.Graph.MemberIdOf(n.Member)).ToList();
        return await RecentMessagesAsync(c, near, Date(operation, "maxDate"), operation.IntParameter("limit"), cancellationToken);
    }

    private static async Task<JsonNode> RecentMessagesAsync(Context c, List<long> authors, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var messages = await LatestAsync(c, authors, before, limit, cancellationToken);
        var top = messages.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Ldbc).Take(limit).ToList();
        var contents = await ContentsAsync(c, top, cancellationToken);
        var names = await NamesAsync(c, top.Select(m => m.AuthorId), cancellationToken);
        return new JsonArray([.. top.Select(m => new JsonObject
        {
            ["personId"] = c.Ids.LdbcOf(m.AuthorId),
            ["personFirstName"] = names.GetValueOrDefault(m.AuthorId).GivenName,
            ["personLastName"] = names.GetValueOrDefault(m.AuthorId).FamilyName,
            ["messageId"] = m.Ldbc,
            ["messageContent"] = contents.GetValueOrDefault((m.IsPost, m.LocalId)),
            ["messageCreationDate"] = m.CreatedAt.ToUnixTimeMilliseconds(),
        })]);
    }

    /// <summary>
    /// The imported messages by <paramref name="authors"/> created before <paramref name="before"/> that can be among the
    /// newest <paramref name="limit"/>: the store sorts by date; every message tied with the last date comes too, as the
    /// final order breaks ties by LDBC id.
    /// </summary>
    private static async Task<List<Message>> LatestAsync(Context c, List<long> authors, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var posts = c.Db.Posts.AsNoTracking().Where(p => authors.Contains(p.AuthorId) && p.CreatedAt < before);
        var comments = c.Db.Comments.AsNoTracking().Where(x => authors.Contains(x.AuthorId) && x.CreatedAt < before);
        var dates = (await posts.OrderByDescending(p => p.CreatedAt).Take(limit).Select(p => p.CreatedAt).ToListAsync(cancellationToken))
            .Concat(await comments.OrderByDescending(x => x.CreatedAt).Take(limit).Select(x => x.CreatedAt).ToListAsync(cancellationToken))
            .OrderDescending()
            .ToList();
        if (dates.Count == 0 || limit <= 0)
        {
            return [];
        }
        var cutoff = dates[Math.Min(limit, dates.Count) - 1];
        var found = (await posts.Where(p => p.CreatedAt >= cutoff).Select(p => new { p.Id, p.AuthorId, p.CreatedAt }).ToListAsync(cancellationToken))
            .Select(p => (IsPost: true, p.Id, p.AuthorId, p.CreatedAt))
            .Concat((await comments.Where(x => x.CreatedAt >= cutoff).Select(x => new { x.Id, x.AuthorId, x.CreatedAt }).ToListAsync(cancellationToken))
                .Select(x => (IsPost: false, x.Id, x.AuthorId, x.CreatedAt)));
        var ids = await c.MessagesAsync(cancellationToken);
        return [.. found
            .Select(m => (m, Ldbc: ids.LdbcOf(m.IsPost, m.Id)))
            .Where(x => x.Ldbc is not null)
            .Select(x => new Message(x.m.IsPost, x.m.Id, x.Ldbc!.Value, x.m.AuthorId, x.m.CreatedAt))];
    }

    /// <summary>Each message's content: its body, or for a photo post (empty body) the photo's file name.</summary>
    private static async Task<Dictionary<(bool IsPost, long Id), string>> ContentsAsync(Context c, IEnumerable<Message> messages, CancellationToken cancellationToken)
    {
        var list = messages.ToList();
        var postIds = list.Where(m => m.IsPost).Select(m => m.LocalId).Distinct().ToList();
        var commentIds = list.Where(m => !m.IsPost).Select(m => m.LocalId).Distinct().ToList();
        var posts = await c.Db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).Select(p => new { p.Id, p.Body }).ToListAsync(cancellationToken);
        var photoIds = posts.Where(p => p.Body.Length == 0).Select(p => p.Id).ToList();
        var photos = await c.Db.ImportedContent.AsNoTracking()
            .Where(i => i.PostId != null && photoIds.Contains(i.PostId.Value))
            .Select(i => new { PostId = i.PostId!.Value, i.ImageFile })
            .ToDictionaryAsync(i => i.PostId, i => i.ImageFile, cancellationToken);
        var result = posts.ToDictionary(p => (true, p.Id), p => p.Body.Length == 0 ? photos.GetValueOrDefault(p.Id) ?? "" : p.Body);
        foreach (var comment in await c.Db.Comments.AsNoTracking().Where(x => commentIds.Contains(x.Id)).Select(x => new { x.Id, x.Body }).ToListAsync(cancellationToken))
        {
            result[(false, comment.Id)] = comment.Body;
        }
        return result;
    }

    private static async Task<Dictionary<long, (string? GivenName, string? FamilyName)>> NamesAsync(Context c, IEnumerable<long> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        return (await c.Db.Profiles.AsNoTracking()
                .Where(p => ids.Contains(p.MemberId))
                .Select(p => new { p.MemberId, p.GivenName, p.FamilyName })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.MemberId, p => (p.GivenName, p.FamilyName));
    }

    /// <summary>The message an IS operation names, or null when it was not imported.</summary>
    private static async Task<Message?> FindMessageAsync(Context c, long ldbcId, CancellationToken cancellationToken)
    {
        var ids = await c.MessagesAsync(cancellationToken);
        if (ids.PostOf(ldbcId) is { } postId)
        {
            var post = await c.Db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.AuthorId, p.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
            return post is null ? null : new Message(true, postId, ldbcId, post.AuthorId, post.CreatedAt);
        }
        if (ids.CommentOf(ldbcId) is { } commentId)
        {
            var comment = await c.Db.Comments.AsNoTracking().Where(x => x.Id == commentId).Select(x => new { x.AuthorId, x.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
            return comment is null ? null : new Message(false, commentId, ldbcId, comment.AuthorId, comment.CreatedAt);
        }
        return null;
    }

    /// <summary>IS2: a person's 10 latest messages, each with its thread's post and that post's author.</summary>
    private static async Task<JsonNode> LatestMessagesAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (c.Ids.MemberOf(operation.IdParameter("personIdSQ2")) is not { } id)
        {
            return new JsonArray();
        }
        var limit = operation.IntParameter("limit");
        var messages = await LatestAsync(c, [id], DateTimeOffset.MaxValue, limit, cancellationToken);
        var top = messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Ldbc).Take(limit).ToList();
        var commentIds = top.Where(m => !m.IsPost).Select(m => m.LocalId).ToList();
        var threadOf = await c.Db.Comments.AsNoTracking().Where(x => commentIds.Contains(x.Id))
            .Select(x => new { x.Id, x.PostId }).ToDictionaryAsync(x => x.Id, x => x.PostId, cancellationToken);
        var rootIds = top.Select(m => m.IsPost ? m.LocalId : threadOf[m.LocalId]).Distinct().ToList();
        var rootAuthors = await c.Db.Posts.AsNoTracking().Where(p => rootIds.Contains(p.Id))
            .Select(p => new { p.Id, p.AuthorId }).ToDictionaryAsync(p => p.Id, p => p.AuthorId, cancellationToken);
        var contents = await ContentsAsync(c, top, cancellationToken);
        var names = await NamesAsync(c, rootAuthors.Values, cancellationToken);
        var ids = await c.MessagesAsync(cancellationToken);
        return new JsonArray([.. top.Select(m =>
        {
            var root = m.IsPost ? m.LocalId : threadOf[m.LocalId];
            var author = rootAuthors[root];
            return new JsonObject
            {
                ["messageId"] = m.Ldbc,
                ["messageContent"] = contents.GetValueOrDefault((m.IsPost, m.LocalId)),
                ["messageCreationDate"] = m.CreatedAt.ToUnixTimeMilliseconds(),
                ["originalPostId"] = ids.LdbcOf(true, root),
                ["originalPostAuthorId"] = c.Ids.LdbcOf(author),
                ["originalPostAuthorFirstName"] = names.GetValueOrDefault(author).GivenName,
                ["originalPostAuthorLastName"] = names.GetValueOrDefault(author).FamilyName,
            };
        })]);
    }

    /// <summary>IS4: a message's content and creation date.</summary>
    private static async Task<JsonNode?> MessageContentAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (await FindMessageAsync(c, operation.IdParameter("messageIdContent"), cancellationToken) is not { } m)
        {
            return null;
        }
        var contents = await ContentsAsync(c, [m], cancellationToken);
        return new JsonObject
        {
            ["messageContent"] = contents.GetValueOrDefault((m.IsPost, m.LocalId)),
            ["messageCreationDate"] = m.CreatedAt.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>IS5: a message's author.</summary>
    private static async Task<JsonNode?> MessageCreatorAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (await FindMessageAsync(c, operation.IdParameter("messageIdCreator"), cancellationToken) is not { } m)
        {
            return null;
        }
        var names = await NamesAsync(c, [m.AuthorId], cancellationToken);
        return new JsonObject
        {
            ["personId"] = c.Ids.LdbcOf(m.AuthorId),
            ["firstName"] = names.GetValueOrDefault(m.AuthorId).GivenName,
            ["lastName"] = names.GetValueOrDefault(m.AuthorId).FamilyName,
        };
    }

    /// <summary>IS6: the group a message is in (a comment's is its post's) and who moderates it (the group's creator, its owner).</summary>
    private static async Task<JsonNode?> MessageForumAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (await FindMessageAsync(c, operation.IdParameter("messageForumId"), cancellationToken) is not { } m)
        {
            return null;
        }
        var postId = m.IsPost ? m.LocalId : await c.Db.Comments.AsNoTracking().Where(x => x.Id == m.LocalId).Select(x => x.PostId).FirstAsync(cancellationToken);
        var group = await c.Db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && p.GroupId != null)
            .Join(c.Db.Groups, p => p.GroupId, g => (long?)g.Id, (p, g) => new { g.Id, g.Name, g.CreatedById })
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        var ids = await c.MessagesAsync(cancellationToken);
        var names = await NamesAsync(c, [group.CreatedById], cancellationToken);
        return new JsonObject
        {
            ["forumId"] = ids.ForumOf(group.Id),
            ["forumTitle"] = group.Name,
            ["moderatorId"] = c.Ids.LdbcOf(group.CreatedById),
            ["moderatorFirstName"] = names.GetValueOrDefault(group.CreatedById).GivenName,
            ["moderatorLastName"] = names.GetValueOrDefault(group.CreatedById).FamilyName,
        };
    }

    /// <summary>
    /// IS7: a message's direct replies (a post's top-level comments; a comment's replies that answer it exactly), newest
    /// first then by author id, each saying whether its author is connected to the message's author.
    /// </summary>
    private static async Task<JsonNode> MessageRepliesAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (await FindMessageAsync(c, operation.IdParameter("messageRepliesId"), cancellationToken) is not { } m)
        {
            return new JsonArray();
        }
        var replies = m.IsPost
            ? c.Db.Comments.AsNoTracking().Where(x => x.PostId == m.LocalId && x.ParentCommentId == null && x.ReplyToCommentId == null)
            // A reply made in the product to a top-level comment may name only its parent.
            : c.Db.Comments.AsNoTracking().Where(x => x.ReplyToCommentId == m.LocalId || (x.ReplyToCommentId == null && x.ParentCommentId == m.LocalId));
        var rows = await replies.Select(x => new { x.Id, x.AuthorId, x.CreatedAt, x.Body }).ToListAsync(cancellationToken);
        var names = await NamesAsync(c, rows.Select(r => r.AuthorId), cancellationToken);
        var ids = await c.MessagesAsync(cancellationToken);
        var original = c.DenseOfMember(m.AuthorId);
        return new JsonArray([.. rows
            .Select(r => (Row: r, Author: c.Ids.LdbcOf(r.AuthorId)))
            .OrderByDescending(r => r.Row.CreatedAt).ThenBy(r => r.Author)
            .Select(r => new JsonObject
            {
                ["commentId"] = ids.LdbcOf(false, r.Row.Id),
                ["commentContent"] = r.Row.Body,
                ["commentCreationDate"] = r.Row.CreatedAt.ToUnixTimeMilliseconds(),
                ["replyAuthorId"] = r.Author,
                ["replyAuthorFirstName"] = names.GetValueOrDefault(r.Row.AuthorId).GivenName,
                ["replyAuthorLastName"] = names.GetValueOrDefault(r.Row.AuthorId).FamilyName,
                ["isReplyAuthorKnowsOriginalMessageAuthor"] = original >= 0 && c.Graph.Graph.AreConnected(c.DenseOfMember(r.Row.AuthorId), original),
            })]);
    }

    /// <summary>
    /// IC14, trusted paths: every shortest connection path between two members, weighted by the replies along it — per
    /// consecutive pair and both ways, 1 for each comment answering a post of the other, 0.5 for each answering a comment
    /// of the other — heaviest first. The graph enumerates the paths and ranks them by summed weights
    /// (<see cref="SocialGraph.AllShortestPaths"/> with <see cref="PathWeighting.Sum"/>); the weights come from the comments
    /// between the members on those paths.
    /// </summary>
    private static async Task<JsonNode> TrustedPathsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var from = c.Dense(operation.IdParameter("person1IdQ14StartNode"));
        var to = c.Dense(operation.IdParameter("person2IdQ14EndNode"));
        if (from < 0 || to < 0)
        {
            return new JsonArray();
        }
        var graph = c.Graph.Graph;
        // Who is on a shortest path, then the replies among them, then the ranking with those weights.
        var onPaths = graph.AllShortestPaths(from, to, int.MaxValue).SelectMany(p => p.Members).Distinct().Select(c.Graph.MemberIdOf).ToList();
        var weights = await ReplyWeightsAsync(c, onPaths, cancellationToken);
        PairWeight weight = (a, b, _) =>
        {
            var (x, y) = (c.Graph.MemberIdOf(a), c.Graph.MemberIdOf(b));
            return weights.GetValueOrDefault((Math.Min(x, y), Math.Max(x, y)));
        };
        var paths = graph.AllShortestPaths(from, to, int.MaxValue, weight, weighting: PathWeighting.Sum);
        return new JsonArray([.. paths.Select(p => new JsonObject
        {
            ["personIdsInPath"] = new JsonArray([.. p.Members.Select(m => JsonValue.Create(c.Ids.LdbcOf(c.Graph.MemberIdOf(m))))]),
            ["pathWeight"] = p.Weight,
        })]);
    }

    /// <summary>Reply weight of each unordered pair of <paramref name="members"/>: 1 per comment on the other's post, 0.5 per reply to the other's comment.</summary>
    public static async Task<Dictionary<(long, long), double>> ReplyWeightsAsync(EntregentDb db, IReadOnlyCollection<long> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = members.ToList();
        var toPosts = await db.Comments.AsNoTracking()
            .Where(x => ids.Contains(x.AuthorId) && x.ParentCommentId == null && x.ReplyToCommentId == null)
            .Join(db.Posts, x => x.PostId, p => p.Id, (x, p) => new { From = x.AuthorId, To = p.AuthorId })
            .Where(x => ids.Contains(x.To) && x.From != x.To)
            .GroupBy(x => new { x.From, x.To })
            .Select(g => new { g.Key.From, g.Key.To, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var toComments = await db.Comments.AsNoTracking()
            .Where(x => ids.Contains(x.AuthorId) && (x.ReplyToCommentId != null || x.ParentCommentId != null))
            .Join(db.Comments, x => x.ReplyToCommentId ?? x.ParentCommentId, r => (long?)r.Id, (x, r) => new { From = x.AuthorId, To = r.AuthorId })
            .Where(x => ids.Contains(x.To) && x.From != x.To)
            .GroupBy(x => new { x.From, x.To })
            .Select(g => new { g.Key.From, g.Key.To, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var weights = new Dictionary<(long, long), double>();
        foreach (var (a, b, w) in toPosts.Select(x => (x.From, x.To, x.Count * 1.0)).Concat(toComments.Select(x => (x.From, x.To, x.Count * 0.5))))
        {
            var key = (Math.Min(a, b), Math.Max(a, b));
            weights[key] = weights.GetValueOrDefault(key) + w;
        }
        return weights;
    }

    private static Task<Dictionary<(long, long), double>> ReplyWeightsAsync(Context c, IReadOnlyCollection<long> members, CancellationToken cancellationToken) =>
        ReplyWeightsAsync(c.Db, members, cancellationToken);

    /// <summary>
    /// IC5, new groups: groups that friends and friends of friends joined on or after minDate, by how many posts those
    /// members wrote there, then by forum id; limit.
    /// </summary>
    private static async Task<JsonNode> NewGroupsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ5"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var since = Date(operation, "minDate");
        var near = c.Graph.Graph.Neighbourhood(viewer, maxDepth: 2, maxResults: int.MaxValue).Select(n => c.Graph.MemberIdOf(n.Member)).ToList();
        // LDBC's members are its hasMember relation, which leaves the moderator out; the import makes the moderator the
        // owner, a member since the group's creation. That membership (the creator's, dated at the creation) is left
        // out; a moderator who also joined keeps the join date and counts.
        var joined = await c.Db.GroupMemberships.AsNoTracking()
            .Where(m => near.Contains(m.MemberId) && m.State == GroupMembershipState.Member && m.JoinedAt >= since)
            .Join(c.Db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.GroupId, m.MemberId, m.JoinedAt, g.CreatedById, g.CreatedAt })
            .Where(m => !(m.MemberId == m.CreatedById && m.JoinedAt == m.CreatedAt))
            .Select(m => new { m.GroupId, m.MemberId })
            .ToListAsync(cancellationToken);
        var groupIds = joined.Select(j => j.GroupId).Distinct().ToList();
        var posted = (await c.Db.Posts.AsNoTracking()
                .Where(p => p.GroupId != null && groupIds.Contains(p.GroupId.Value) && near.Contains(p.AuthorId))
                .GroupBy(p => new { GroupId = p.GroupId!.Value, p.AuthorId })
                .Select(g => new { g.Key.GroupId, g.Key.AuthorId, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.GroupId, x.AuthorId), x => x.Count);
        var ids = await c.MessagesAsync(cancellationToken);
        var top = joined
            .GroupBy(j => j.GroupId)
            .Select(g => (GroupId: g.Key, Forum: ids.ForumOf(g.Key), Posts: g.Sum(j => posted.GetValueOrDefault((j.GroupId, j.MemberId)))))
            .Where(g => g.Forum is not null)
            .OrderByDescending(g => g.Posts).ThenBy(g => g.Forum)
            .Take(operation.IntParameter("limit"))
            .ToList();
        var topIds = top.Select(t => t.GroupId).ToList();
        var titles = await c.Db.Groups.AsNoTracking().Where(g => topIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return new JsonArray([.. top.Select(t => new JsonObject { ["forumTitle"] = titles[t.GroupId], ["postCount"] = t.Posts })]);
    }

    /// <summary>
    /// IC10, friend recommendation: members exactly two hops away born from the 21st of the month to before the 22nd of
    /// the next, scored by their posts carrying a hashtag among the start member's interests minus their other posts.
    /// </summary>
    private static async Task<JsonNode> RecommendationsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ10"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var month = operation.IntParameter("month");
        var next = month % 12 + 1;
        var secondDegree = c.Graph.Graph.Neighbourhood(viewer, maxDepth: 2, maxResults: int.MaxValue)
            .Where(n => n.Distance == 2).Select(n => c.Graph.MemberIdOf(n.Member)).ToList();
        var people = (await c.Db.Profiles.AsNoTracking()
                .Where(p => secondDegree.Contains(p.MemberId) && p.Birthday != null)
                .Select(p => new { p.MemberId, p.GivenName, p.FamilyName, p.Birthday, p.Location })
                .ToListAsync(cancellationToken))
            .Where(p => (p.Birthday!.Value.Month == month && p.Birthday.Value.Day >= 21) || (p.Birthday.Value.Month == next && p.Birthday.Value.Day < 22))
            .ToList();
        var viewerId = c.Graph.MemberIdOf(viewer);
        // Interests are kept by name; hashtags folded: the same fold makes them meet.
        var interests = (await c.Db.Profiles.AsNoTracking().Where(p => p.MemberId == viewerId).Select(p => p.Interests).FirstOrDefaultAsync(cancellationToken) ?? [])
            .Select(ImportLdbc.HashtagOf).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var ids = people.Select(p => p.MemberId).ToList();
        var postCounts = await c.Db.Posts.AsNoTracking().Where(p => ids.Contains(p.AuthorId))
            .GroupBy(p => p.AuthorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var matching = await c.Db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.AuthorId) && c.Db.PostHashtags.Any(h => h.PostId == p.Id && interests.Contains(h.Tag)))
            .GroupBy(p => p.AuthorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var genders = await c.Db.ImportedAttributes.AsNoTracking().Where(a => ids.Contains(a.MemberId))
            .ToDictionaryAsync(a => a.MemberId, a => a.Gender, cancellationToken);
        return new JsonArray([.. people
            .Select(p =>
            {
                var common = matching.GetValueOrDefault(p.MemberId);
                return (Person: p, Ldbc: c.Ids.LdbcOf(p.MemberId), Score: common - (postCounts.GetValueOrDefault(p.MemberId) - common));
            })
            .Where(p => p.Ldbc is not null)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Ldbc)
            .Take(operation.IntParameter("limit"))
            .Select(p => new JsonObject
            {
                ["personId"] = p.Ldbc,
                ["personFirstName"] = p.Person.GivenName,
                ["personLastName"] = p.Person.FamilyName,
                ["commonInterestScore"] = p.Score,
                ["personGender"] = genders.GetValueOrDefault(p.Person.MemberId),
                ["personCityName"] = p.Person.Location,
            })]);
    }

    /// <summary>
    /// IC7, recent likers: each member who reacted to the person's messages with their latest reaction (ties: the lowest
    /// message id), newest first then by member id; with the minutes from message to like and whether the liker is not
    /// a connection.
    /// </summary>
    private static async Task<JsonNode> RecentLikersAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (c.Ids.MemberOf(operation.IdParameter("personIdQ7")) is not { } id)
        {
            return new JsonArray();
        }
        var onPosts = await c.Db.Reactions.AsNoTracking().Where(r => r.CommentId == null)
            .Join(c.Db.Posts.Where(p => p.AuthorId == id), r => r.PostId, p => p.Id,
                (r, p) => new { r.MemberId, r.CreatedAt, IsPost = true, MessageId = p.Id, MessageCreatedAt = p.CreatedAt })
            .ToListAsync(cancellationToken);
        var onComments = await c.Db.Reactions.AsNoTracking().Where(r => r.CommentId != null)
            .Join(c.Db.Comments.Where(x => x.AuthorId == id), r => r.CommentId, x => (long?)x.Id,
                (r, x) => new { r.MemberId, r.CreatedAt, IsPost = false, MessageId = x.Id, MessageCreatedAt = x.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = await c.MessagesAsync(cancellationToken);
        var latest = onPosts.Concat(onComments)
            .Select(l => (Like: l, Liker: c.Ids.LdbcOf(l.MemberId), Message: ids.LdbcOf(l.IsPost, l.MessageId)))
            .Where(l => l.Liker is not null && l.Message is not null)
            .GroupBy(l => l.Like.MemberId)
            .Select(g => g.OrderByDescending(l => l.Like.CreatedAt).ThenBy(l => l.Message).First())
            .OrderByDescending(l => l.Like.CreatedAt).ThenBy(l => l.Liker)
            .Take(operation.IntParameter("limit"))
            .ToList();
        var messages = latest.Select(l => new Message(l.Like.IsPost, l.Like.MessageId, l.Message!.Value, id, l.Like.MessageCreatedAt)).ToList();
        var contents = await ContentsAsync(c, messages, cancellationToken);
        var names = await NamesAsync(c, latest.Select(l => l.Like.MemberId), cancellationToken);
        var person = c.DenseOfMember(id);
        return new JsonArray([.. latest.Select(l => new JsonObject
        {
            ["personId"] = l.Liker,
            ["personFirstName"] = names.GetValueOrDefault(l.Like.MemberId).GivenName,
            ["personLastName"] = names.GetValueOrDefault(l.Like.MemberId).FamilyName,
            ["likeCreationDate"] = l.Like.CreatedAt.ToUnixTimeMilliseconds(),
            ["messageId"] = l.Message,
            ["messageContent"] = contents.GetValueOrDefault((l.Like.IsPost, l.Like.MessageId)),
            ["minutesLatency"] = (int)Math.Floor((l.Like.CreatedAt - l.Like.MessageCreatedAt).TotalMinutes),
            ["isNew"] = !(person >= 0 && c.Graph.Graph.AreConnected(person, c.DenseOfMember(l.Like.MemberId))),
        })]);
    }

    /// <summary>IC8, recent replies: the direct replies to the person's messages, newest first then by comment id.</summary>
    private static async Task<JsonNode> RecentRepliesAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (c.Ids.MemberOf(operation.IdParameter("personIdQ8")) is not { } id)
        {
            return new JsonArray();
        }
        var toPosts = await c.Db.Comments.AsNoTracking()
            .Where(x => x.ParentCommentId == null && x.ReplyToCommentId == null)
            .Join(c.Db.Posts.Where(p => p.AuthorId == id), x => x.PostId, p => p.Id, (x, p) => new { x.Id, x.AuthorId, x.CreatedAt, x.Body })
            .ToListAsync(cancellationToken);
        var toComments = await c.Db.Comments.AsNoTracking()
            .Where(x => x.ReplyToCommentId != null || x.ParentCommentId != null)
            .Join(c.Db.Comments.Where(o => o.AuthorId == id), x => x.ReplyToCommentId ?? x.ParentCommentId, o => (long?)o.Id,
                (x, o) => new { x.Id, x.AuthorId, x.CreatedAt, x.Body })
            .ToListAsync(cancellationToken);
        var ids = await c.MessagesAsync(cancellationToken);
        var top = toPosts.Concat(toComments)
            .Select(x => (Reply: x, Ldbc: ids.LdbcOf(false, x.Id)))
            .Where(x => x.Ldbc is not null)
            .OrderByDescending(x => x.Reply.CreatedAt).ThenBy(x => x.Ldbc)
            .Take(operation.IntParameter("limit"))
            .ToList();
        var names = await NamesAsync(c, top.Select(x => x.Reply.AuthorId), cancellationToken);
        return new JsonArray([.. top.Select(x => new JsonObject
        {
            ["personId"] = c.Ids.LdbcOf(x.Reply.AuthorId),
            ["personFirstName"] = names.GetValueOrDefault(x.Reply.AuthorId).GivenName,
            ["personLastName"] = names.GetValueOrDefault(x.Reply.AuthorId).FamilyName,
            ["commentCreationDate"] = x.Reply.CreatedAt.ToUnixTimeMilliseconds(),
            ["commentId"] = x.Ldbc,
            ["commentContent"] = x.Reply.Body,
        })]);
    }

    /// <summary>
    /// IC4, new topics: hashtags on friends' posts created in [startDate, startDate + durationDays) that no friend's post
    /// carried before startDate, by how many of those posts carry them, then by name; limit.
    /// </summary>
    private static async Task<JsonNode> NewTopicsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ4"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var friends = c.Graph.Graph.GetConnections(viewer).Select(x => c.Graph.MemberIdOf(x.Member)).ToList();
        var start = Date(operation, "startDate");
        var end = start.AddDays(operation.IntParameter("durationDays"));
        var tagged = c.Db.Posts.AsNoTracking().Where(p => friends.Contains(p.AuthorId))
            .Join(c.Db.PostHashtags, p => p.Id, h => h.PostId, (p, h) => new { p.CreatedAt, h.Tag });
        var recent = await tagged.Where(x => x.CreatedAt >= start && x.CreatedAt < end)
            .GroupBy(x => x.Tag).Select(g => new { Tag = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recentTags = recent.Select(r => r.Tag).ToList();
        var old = (await tagged.Where(x => x.CreatedAt < start && recentTags.Contains(x.Tag)).Select(x => x.Tag).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return await TagCountsAsync(c, recent.Where(r => !old.Contains(r.Tag)).Select(r => (r.Tag, r.Count)), operation.IntParameter("limit"), cancellationToken);
    }

    /// <summary>
    /// IC6, tag co-occurrence: among posts by friends and friends of friends carrying the given tag, the other hashtags
    /// by how many of those posts carry them, then by name; limit.
    /// </summary>
    private static async Task<JsonNode> CoTagsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ6"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var near = c.Graph.Graph.Neighbourhood(viewer, maxDepth: 2, maxResults: int.MaxValue).Select(n => c.Graph.MemberIdOf(n.Member)).ToList();
        var tag = ImportLdbc.HashtagOf(operation.TextParameter("tagName"));
        var counts = await c.Db.Posts.AsNoTracking()
            .Where(p => near.Contains(p.AuthorId) && c.Db.PostHashtags.Any(h => h.PostId == p.Id && h.Tag == tag))
            .Join(c.Db.PostHashtags, p => p.Id, h => h.PostId, (p, h) => h.Tag)
            .Where(t => t != tag)
            .GroupBy(t => t).Select(g => new { Tag = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return await TagCountsAsync(c, counts.Select(x => (x.Tag, x.Count)), operation.IntParameter("limit"), cancellationToken);
    }

    /// <summary>Hashtag counts as LDBC answers them: the tag's name as LDBC writes it, most posts first, then by name.</summary>
    private static async Task<JsonNode> TagCountsAsync(Context c, IEnumerable<(string Tag, int Count)> counts, int limit, CancellationToken cancellationToken)
    {
        var names = await c.TagNamesAsync(cancellationToken);
        return new JsonArray([.. counts
            .Select(x => (Name: names.GetValueOrDefault(x.Tag) ?? x.Tag, x.Count))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new JsonObject { ["tagName"] = x.Name, ["postCount"] = x.Count })]);
    }

    /// <summary>Hashtag → the LDBC tag name it folds (<see cref="ImportLdbc.TagNameKeyKind"/>).</summary>
    private static async Task<Dictionary<string, string>> LoadTagNamesAsync(EntregentDb db, CancellationToken cancellationToken)
    {
        var names = await db.ExternalKeys.AsNoTracking()
            .Where(k => k.Source == ImportLdbc.Source && k.Kind == ImportLdbc.TagNameKeyKind)
            .Select(k => k.ExternalId)
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            result.TryAdd(ImportLdbc.HashtagOf(name), name);
        }
        return result;
    }

    private static DateTimeOffset Date(LdbcOperation operation, string name) => DateTimeOffset.FromUnixTimeMilliseconds(operation.IdParameter(name));

    /// <summary>LDBC forum, post and comment ids ↔ group, post and comment ids, from the import's external keys.</summary>
    private sealed class MessageIds(Dictionary<long, long> groups, Dictionary<long, long> posts, Dictionary<long, long> comments)
    {
        private readonly Dictionary<long, long> _forums = groups.ToDictionary(p => p.Value, p => p.Key);
        private readonly Dictionary<long, long> _posts = posts.ToDictionary(p => p.Value, p => p.Key);
        private readonly Dictionary<long, long> _comments = comments.ToDictionary(p => p.Value, p => p.Key);

        public static async Task<MessageIds> LoadAsync(EntregentDb db, CancellationToken cancellationToken) =>
            new(await ImportLdbc.LoadKeysAsync(db, ImportLdbc.GroupKeyKind, cancellationToken),
                await ImportLdbc.LoadKeysAsync(db, ImportLdbc.PostKeyKind, cancellationToken),
                await ImportLdbc.LoadKeysAsync(db, ImportLdbc.CommentKeyKind, cancellationToken));

        public long? PostOf(long ldbcId) => posts.TryGetValue(ldbcId, out var id) ? id : null;

        public long? CommentOf(long ldbcId) => comments.TryGetValue(ldbcId, out var id) ? id : null;

        public long? LdbcOf(bool isPost, long localId) => (isPost ? _posts : _comments).TryGetValue(localId, out var id) ? id : null;

        public long? ForumOf(long groupId) => _forums.TryGetValue(groupId, out var id) ? id : null;
    }
}
