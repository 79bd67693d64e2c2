using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with notifications, details flags and the reconnect list.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/notifications{query}</c>: the page (items, next).</summary>
    public static Task<JsonElement> NotificationsAsync(this Member member, string query = "", CancellationToken cancellationToken = default) =>
        member.GetJsonAsync("/api/v1/notifications" + query, cancellationToken);

    /// <summary>The kinds of the member's notifications, newest first (first page of 100).</summary>
    public static async Task<IReadOnlyList<string>> NotificationKindsAsync(this Member member, CancellationToken cancellationToken = default)
    {
        var page = await member.NotificationsAsync("?limit=100", cancellationToken);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!)];
    }

    public static async Task<int> UnreadNotificationCountAsync(this Member member, CancellationToken cancellationToken = default) =>
        (await member.GetJsonAsync("/api/v1/notifications/unread-count", cancellationToken)).GetProperty("count").GetInt32();

    /// <summary>Queues a notification straight in the store, as a feature would with <see cref="Notify.AddAsync"/>; returns its id.</summary>
    public static async Task<long> NotifyInStoreAsync(this EntregentFactory app, Member recipient, NotificationKind kind, Member? actor, string url,
        string text = "did something", string? dedupeKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var recipientId = await app.MemberIdAsync(recipient, cancellationToken);
        long? actorId = actor is null ? null : await app.MemberIdAsync(actor, cancellationToken);
        return await app.InStoreAsync(async db =>
        {
            await Notify.AddAsync(db, app.Time, recipientId, kind, actorId, text, url, dedupeKey, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return db.Notifications.Local.Where(n => n.RecipientId == recipientId).Max(n => n.Id);
        });
    }

    /// <summary><c>PUT /api/v1/me/notification-settings</c>.</summary>
    public static async Task<JsonElement> SetNotificationSettingsAsync(this Member member, object settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PutAsJsonAsync(new Uri("/api/v1/me/notification-settings", UriKind.Relative), settings, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary>One pass of the digest and career-news job, as its timer runs it.</summary>
    public static Task RunNotificationJobAsync(this EntregentFactory app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<NotificationDigestJob>().RunOnceAsync(cancellationToken);
    }

    /// <summary>The digests mailed to the member so far (subject and text), oldest first.</summary>
    public static async Task<IReadOnlyList<(string Subject, string Text)>> DigestsToAsync(this EntregentFactory app, Member member,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var mails = await app.MailsToAsync(member.Email, cancellationToken);
        try
        {
            return [.. mails.Where(m => (m.Subject ?? "").StartsWith("Your Entregent news", StringComparison.Ordinal)).Select(m => (m.Subject!, m.TextBody ?? ""))];
        }
        finally
        {
            foreach (var mail in mails)
            {
                mail.Dispose();
            }
        }
    }

    /// <summary><c>POST /api/v1/members/{handle}/details-flags</c>.</summary>
    public static Task<HttpResponseMessage> FlagDetailsAsync(this Member member, string handle, object body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri($"/api/v1/members/{handle}/details-flags", UriKind.Relative), body, cancellationToken);
    }

    /// <summary><c>POST /api/v1/me/sections/{section}/confirmation</c>.</summary>
    public static Task<HttpResponseMessage> ConfirmSectionAsync(this Member member, string section, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsync(new Uri($"/api/v1/me/sections/{section}/confirmation", UriKind.Relative), null, cancellationToken);
    }

    /// <summary><c>POST /api/v1/me/positions</c> with "tell my connections".</summary>
    public static async Task<JsonElement> AddSharedPositionAsync(this Member member, string organization, string title, string startMonth,
        bool shareAsNews = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsJsonAsync(new Uri("/api/v1/me/positions", UriKind.Relative),
            new { organization, title, startMonth, shareAsNews }, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }
}
