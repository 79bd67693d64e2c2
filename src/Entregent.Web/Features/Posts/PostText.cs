using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>A post's or comment's text rendered for storage, with the members it mentions and the hashtags it carries.</summary>
/// <param name="Mentions">Handle → member id, for the members the author may see (never a blocked or out-of-reach one).</param>
public sealed record RenderedText(string Html, IReadOnlyDictionary<string, long> Mentions, IReadOnlyList<string> Hashtags);

/// <summary>What posts, articles and comments share when their text is written: mentions looked up, hashtags folded, HTML rendered.</summary>
public static class PostText
{
    /// <summary>Mentions beyond this many in one text are left as plain text (and notify no one): no mass pinging.</summary>
    public const int MaxMentions = 20;

    /// <summary>Hashtags beyond this many in one post are not stored (they still link).</summary>
    public const int MaxHashtags = 30;

    public static async Task<RenderedText> RenderAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, long authorId, string body,
        bool article, CancellationToken cancellationToken)
    {
        var tokens = markdown.FindTokens(body, article);
        var handles = tokens.Handles.Take(MaxMentions).ToList();
        var found = handles.Count == 0
            ? []
            : await db.Profiles.AsNoTracking().Where(p => handles.Contains(p.Handle))
                .Select(p => new { p.Handle, p.MemberId, p.Reach }).ToListAsync(cancellationToken);
        var mentions = found.Where(p => ViewProfile.MayOpen(network, authorId, p.MemberId, p.Reach))
            .ToDictionary(p => p.Handle, p => p.MemberId, StringComparer.Ordinal);
        var html = markdown.ToPostHtml(body, mentions.Keys.ToHashSet(StringComparer.Ordinal), article);
        return new RenderedText(html, mentions, tokens.Hashtags.Take(MaxHashtags).ToList());
    }

    /// <summary>
    /// Queues a Mention notification for each member mentioned who may read the post (a mention never reaches someone
    /// the post is hidden from). Deduplicated per post or comment, so an edit does not notify again.
    /// </summary>
    public static async Task NotifyMentionsAsync(EntregentDb db, NetworkGraph network, TimeProvider time, PostFound post, long authorId,
        IEnumerable<long> memberIds, string text, string url, string dedupeKey, CancellationToken cancellationToken)
    {
        foreach (var memberId in memberIds.Distinct())
        {
            if (memberId != authorId && await PostReading.MayReadAsync(db, network, memberId, post, cancellationToken))
            {
                await Notify.AddAsync(db, time, memberId, NotificationKind.Mention, authorId, text, url, dedupeKey, cancellationToken);
            }
        }
    }

    /// <summary>A short plain-text extract for notifications.</summary>
    public static string Preview(MarkdownRenderer markdown, string? title, string body) =>
        title ?? markdown.ToPlainText(body, 120);
}
