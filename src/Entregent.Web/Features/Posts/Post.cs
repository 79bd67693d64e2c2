using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Posts;

public enum PostKind
{
    /// <summary>A short post: Markdown subset, links, @mentions, #hashtags, an optional image.</summary>
    Post = 0,

    /// <summary>A long-form article with a title.</summary>
    Article = 1,
}

/// <summary>Who may read a post (see <see cref="PostAccess"/>, the one place that decides).</summary>
public enum PostAudience
{
    /// <summary>Every signed-in member who may see its author (blocks and profile reach still apply).</summary>
    Public = 0,

    /// <summary>The author's 1st-degree connections.</summary>
    Connections = 1,

    /// <summary>The group's readers, by the group's kind (<see cref="Post.GroupId"/> is set).</summary>
    Group = 2,
}

public enum PostState
{
    Published = 0,

    /// <summary>In a group whose posts need approval: seen only by its author and the group's managers.</summary>
    Pending = 1,

    /// <summary>Removed by a group manager: seen by no one but its author (with the reason).</summary>
    Removed = 2,
}

/// <summary>
/// A post or an article. The Markdown source is the truth; <see cref="BodyHtml"/> is its sanitised rendering, kept
/// so that a page of posts never renders Markdown. Deleting removes the row (and its comments and reactions).
/// </summary>
public sealed class Post : IFeedEntity
{
    public const int PostBodyMaxLength = 3000;
    public const int ArticleBodyMaxLength = 100_000;
    public const int TitleMaxLength = 200;
    public const int RemovalReasonMaxLength = 300;

    public long Id { get; set; }
    public long AuthorId { get; set; }
    public PostKind Kind { get; set; }
    public PostAudience Audience { get; set; }
    public long? GroupId { get; set; }

    /// <summary>Posted on behalf of this organisation (shown under its name; followers of it see it).</summary>
    public long? OrganizationId { get; set; }

    public PostState State { get; set; }
    public string? RemovalReason { get; set; }

    /// <summary>Articles only.</summary>
    public string? Title { get; set; }

    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public string? ImageKey { get; set; }
    public string? ImageThumbnailKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the last edit; earlier versions are in <see cref="PostRevision"/>.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public int CommentCount { get; set; }
    public int ReactionCount { get; set; }

    /// <summary>Bumped by every edit: an edit based on an older version is refused (409).</summary>
    public int Version { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("post", state), Id, AuthorId, GroupId);
}

/// <summary>A post's earlier version, written when an edit replaces it: the history an edit keeps.</summary>
public sealed class PostRevision
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public string? Title { get; set; }
    public required string Body { get; set; }

    /// <summary>When this version was written (the post's creation or an earlier edit).</summary>
    public DateTimeOffset WrittenAt { get; set; }
}

/// <summary>A comment on a post, or a reply to one (a single level of replies shown).</summary>
public sealed class Comment : IFeedEntity
{
    public const int BodyMaxLength = 1250;

    public long Id { get; set; }
    public long PostId { get; set; }
    public long AuthorId { get; set; }

    /// <summary>The top-level comment this reply sits under; null for a top-level comment.</summary>
    public long? ParentCommentId { get; set; }

    /// <summary>
    /// The comment this one answers exactly, when it answers a reply (shown as "replying to …"). Kept so that deeper
    /// reply chains (imported ones) keep their structure while the page shows one level.
    /// </summary>
    public long? ReplyToCommentId { get; set; }

    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public int ReactionCount { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("comment", state), Id, AuthorId, PostId);
}

public enum ReactionKind
{
    Like = 0,
    Celebrate = 1,
    Support = 2,
    Insightful = 3,
    Curious = 4,
}

/// <summary>One member's reaction to a post or to a comment (one per member and target; changing it replaces it).</summary>
public sealed class Reaction
{
    public long Id { get; set; }
    public long PostId { get; set; }

    /// <summary>Set when the reaction is to a comment of <see cref="PostId"/>.</summary>
    public long? CommentId { get; set; }

    public long MemberId { get; set; }
    public ReactionKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A #hashtag a post carries, folded (lower case, no accents) so "#Énergie" and "#energie" are one tag.</summary>
public sealed class PostHashtag
{
    public const int TagMaxLength = 100;

    public long PostId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>A member @mentioned in a post (mentions in comments notify but are not stored).</summary>
public sealed class PostMention
{
    public long PostId { get; set; }
    public long MemberId { get; set; }
}

/// <summary>A followed hashtag: its public posts come into the follower's feed.</summary>
public sealed class HashtagFollow : IFeedEntity
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public required string Tag { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("hashtagfollow", state), Id, MemberId);
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("posts", table => table.HasCheckConstraint("CK_posts_group_audience",
            "(\"Audience\" = 2) = (\"GroupId\" IS NOT NULL)"));
        builder.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(p => p.Body).HasMaxLength(Post.ArticleBodyMaxLength);
        builder.Property(p => p.RemovalReason).HasMaxLength(Post.RemovalReasonMaxLength);
        builder.Property(p => p.ImageKey).HasMaxLength(80);
        builder.Property(p => p.ImageThumbnailKey).HasMaxLength(80);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // A member's posts, newest first (profile activity, the feed's per-author lists, LDBC IS2).
        builder.HasIndex(p => new { p.AuthorId, p.CreatedAt });
        // A group's posts, newest first.
        builder.HasIndex(p => new { p.GroupId, p.CreatedAt });
        builder.HasIndex(p => new { p.OrganizationId, p.CreatedAt });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Groups.Group>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.Property(r => r.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(r => r.Body).HasMaxLength(Post.ArticleBodyMaxLength);
        builder.HasIndex(r => new { r.PostId, r.WrittenAt });
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments");
        builder.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength);
        builder.HasIndex(c => new { c.PostId, c.CreatedAt });
        builder.HasIndex(c => c.ParentCommentId);
        builder.HasIndex(c => c.ReplyToCommentId);
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // Replies go with their comment, deleted by the use case: a second cascade path from the post would leave
        // the order of deletes to the store.
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentCommentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ReplyToCommentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("reactions");
        builder.HasIndex(r => new { r.PostId, r.MemberId }).IsUnique().HasFilter("\"CommentId\" IS NULL");
        builder.HasIndex(r => new { r.CommentId, r.MemberId }).IsUnique().HasFilter("\"CommentId\" IS NOT NULL");
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostHashtagConfiguration : IEntityTypeConfiguration<PostHashtag>
{
    public void Configure(EntityTypeBuilder<PostHashtag> builder)
    {
        builder.ToTable("post_hashtags");
        builder.HasKey(h => new { h.PostId, h.Tag });
        builder.Property(h => h.Tag).HasMaxLength(PostHashtag.TagMaxLength);
        builder.HasIndex(h => new { h.Tag, h.PostId });
        builder.HasOne<Post>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostMentionConfiguration : IEntityTypeConfiguration<PostMention>
{
    public void Configure(EntityTypeBuilder<PostMention> builder)
    {
        builder.ToTable("post_mentions");
        builder.HasKey(m => new { m.PostId, m.MemberId });
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HashtagFollowConfiguration : IEntityTypeConfiguration<HashtagFollow>
{
    public void Configure(EntityTypeBuilder<HashtagFollow> builder)
    {
        builder.ToTable("hashtag_follows");
        builder.Property(f => f.Tag).HasMaxLength(PostHashtag.TagMaxLength);
        builder.HasIndex(f => new { f.MemberId, f.Tag }).IsUnique();
        builder.HasIndex(f => f.Tag);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
