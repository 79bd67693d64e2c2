using System.Text;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure.Email;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>
/// The daily or weekly e-mail digest. A member's digest is due once per calendar day (daily) or once in seven
/// (weekly) since the last one, from <see cref="NotificationOptions.DigestHour"/> on. It carries the unread
/// notifications not yet e-mailed whose kind is neither muted nor kept out of mail, and that the member may still
/// see; an empty digest is never sent. The notifications are marked e-mailed and the digest time recorded in one
/// transaction before the mail leaves: a crash after it loses one digest rather than sending it twice.
/// </summary>
public sealed class NotificationDigest(EntregentDb db, NetworkGraph network, IEmailSender sender, IConfiguration configuration,
    ILogger<NotificationDigest> logger)
{
    private const int BatchSize = 200;

    /// <summary>One pass over every member with something not yet e-mailed; returns the number of digests sent.</summary>
    public async Task<int> RunAsync(TimeProvider time, NotificationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var now = time.GetUtcNow();
        if (now.UtcDateTime.Hour < options.DigestHour)
        {
            return 0;
        }
        var sent = 0;
        long after = 0;
        while (true)
        {
            var recipients = await db.Notifications.AsNoTracking().Where(n => n.EmailedAt == null && n.ReadAt == null && n.RecipientId > after)
                .Select(n => n.RecipientId).Distinct().OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
            if (recipients.Count == 0)
            {
                break;
            }
            after = recipients[^1];
            var settings = await db.NotificationSettings.AsNoTracking().Where(s => recipients.Contains(s.MemberId))
                .ToDictionaryAsync(s => s.MemberId, cancellationToken);
            foreach (var memberId in recipients)
            {
                var mine = settings.GetValueOrDefault(memberId) ?? new NotificationSettings { MemberId = memberId };
                if (!IsDue(mine, now))
                {
                    continue;
                }
                try
                {
                    if (await SendOneAsync(memberId, mine, now, options, cancellationToken))
                    {
                        sent++;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "The notification digest of member {MemberId} failed; the next run will try again.", memberId);
                }
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    /// <summary>Calendar days in UTC, so a digest sent at 07:40 one day is due again at 07:00 the next, not drifting later.</summary>
    internal static bool IsDue(NotificationSettings settings, DateTimeOffset now)
    {
        if (settings.Digest == DigestFrequency.Off)
        {
            return false;
        }
        if (settings.LastDigestAt is not { } last)
        {
            return true;
        }
        var days = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - DateOnly.FromDateTime(last.UtcDateTime).DayNumber;
        return days >= (settings.Digest == DigestFrequency.Daily ? 1 : 7);
    }

    private async Task<bool> SendOneAsync(long memberId, NotificationSettings settings, DateTimeOffset now, NotificationOptions options,
        CancellationToken cancellationToken)
    {
        var leftOut = settings.MutedKinds.Concat(settings.NotEmailedKinds).Distinct().ToList();
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == memberId && n.EmailedAt == null && n.ReadAt == null && !leftOut.Contains(n.Kind))
            .OrderBy(n => n.Id).Take(options.DigestMaxItems * 4)
            .Select(n => new { n.Id, n.Kind, n.ActorId, n.Text, n.Url, n.CreatedAt }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return false;
        }
        var visible = await NotificationVisibility.VisibleAsync(db, network, memberId,
            rows.Select(n => new NotificationFacts(n.Id, n.Kind, n.ActorId, n.Url)).ToList(), cancellationToken);
        // Those hidden now (a block, a lost right) are never mailed: marked as handled, or they would fill every later
        // batch and, once there are as many as a batch takes, stop the member's digests for good.
        var hidden = rows.Where(n => !visible.Contains(n.Id)).Select(n => n.Id).ToList();
        if (hidden.Count > 0)
        {
            await db.Notifications.Where(n => hidden.Contains(n.Id) && n.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), cancellationToken);
        }
        var items = rows.Where(n => visible.Contains(n.Id)).Take(options.DigestMaxItems).ToList();
        if (items.Count == 0)
        {
            return false;
        }
        var account = await db.Users.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Email }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(account?.Email))
        {
            return false;
        }
        var actorIds = items.Where(n => n.ActorId is not null).Select(n => n.ActorId!.Value).Append(memberId).Distinct().ToList();
        var names = await db.Profiles.AsNoTracking().Where(p => actorIds.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, p => p.DisplayName, cancellationToken);

        var ids = items.Select(n => n.Id).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only rows still not e-mailed: a second job (another node, a restart mid-run) that got there first wins.
            var marked = await db.Notifications.Where(n => ids.Contains(n.Id) && n.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), cancellationToken);
            if (marked != ids.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
            var stored = await db.NotificationSettings.FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
            if (stored is null)
            {
                db.NotificationSettings.Add(new NotificationSettings { MemberId = memberId, LastDigestAt = now });
            }
            else
            {
                stored.LastDigestAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var baseUrl = configuration["App:PublicUrl"]?.TrimEnd('/') ?? "";
        var words = DigestWords.English;
        var text = new StringBuilder();
        text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Greeting, names.GetValueOrDefault(memberId, ""))).Append("\n\n");
        foreach (var group in items.GroupBy(n => n.Kind).OrderBy(g => g.Key))
        {
            text.Append(words.Heading(group.Key)).Append('\n');
            foreach (var n in group)
            {
                var who = n.ActorId is { } actor && names.TryGetValue(actor, out var name) ? name + " " : "";
                text.Append("- ").Append(who).Append(n.Text).Append('\n').Append("  ").Append(baseUrl).Append(n.Url).Append('\n');
            }
            text.Append('\n');
        }
        text.Append(words.Footer).Append('\n').Append(baseUrl).Append("/me/notifications\n");
        var subject = string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Subject, items.Count);
        await sender.SendAsync(new EmailMessage(account.Email, subject, text.ToString()), cancellationToken);
        return true;
    }
}

/// <summary>
/// The digest's words. Members have no stored language yet, so every digest is in English, as the other mails are.
/// </summary>
internal sealed record DigestWords(string Subject, string Greeting, string Footer, IReadOnlyDictionary<NotificationKind, string> Headings)
{
    public static readonly DigestWords English = new("Your Entregent news: {0} new", "Hello {0},\n\nHere is what happened since your last digest.",
        "Change how often you get this e-mail, or what it carries:", new Dictionary<NotificationKind, string>
        {
            [NotificationKind.InvitationReceived] = "Invitations",
            [NotificationKind.InvitationAccepted] = "Invitations accepted",
            [NotificationKind.Introduction] = "Introductions",
            [NotificationKind.Recommendation] = "Recommendations",
            [NotificationKind.Endorsement] = "Endorsements",
            [NotificationKind.Mention] = "Mentions",
            [NotificationKind.Reply] = "Comments and replies",
            [NotificationKind.Reaction] = "Reactions",
            [NotificationKind.GroupActivity] = "Group activity",
            [NotificationKind.NewPosition] = "New positions",
            [NotificationKind.WorkAnniversary] = "Work anniversaries",
            [NotificationKind.DetailsFlagged] = "Is your profile up to date?",
            [NotificationKind.WatchMatch] = "Watches",
        });

    public string Heading(NotificationKind kind) => Headings.GetValueOrDefault(kind, kind.ToString());
}
