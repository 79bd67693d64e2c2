using Entregent.Web.Data;
using Entregent.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// Tells a member that an introduction waits for them (or came back to them). Plain and short, with a link to the
/// introduction. The change they announce is already saved: a failed delivery is logged, never undoes it.
/// </summary>
public sealed class IntroductionEmails(IEmailSender sender, IConfiguration configuration, ILogger<IntroductionEmails> logger)
{
    public enum Reason
    {
        /// <summary>The intermediary (or the second one) is asked to forward.</summary>
        Asked,

        /// <summary>The target is asked to accept or decline.</summary>
        Proposed,
        Accepted,
        Declined,
        Reminder,
    }

    public async Task SendAsync(EntregentDb db, Introduction introduction, long recipientId, Reason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(introduction);
        var ids = new[] { recipientId, introduction.RequesterId, introduction.TargetId };
        var names = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.DisplayName, cancellationToken);
        var address = await db.Users.AsNoTracking().Where(m => m.Id == recipientId).Select(m => m.Email).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(address))
        {
            return;
        }
        string Name(long id) => names.GetValueOrDefault(id, "A member");
        var requester = Name(introduction.RequesterId);
        var target = Name(introduction.TargetId);
        var (subject, text) = reason switch
        {
            Reason.Asked => ($"{requester} asks you for an introduction to {target}",
                $"{requester} would like you to introduce them to {target}. Their message:\n\n{introduction.Message}\n\nForward it with a note of yours, or decline:"),
            Reason.Proposed => ($"{requester} would like to be introduced to you",
                $"{requester} asked to be introduced to you. Their message:\n\n{introduction.Message}\n\nAccept or decline:"),
            Reason.Accepted => ($"{target} accepted your introduction",
                $"{target} accepted to be introduced to you. A conversation is open between all of you:"),
            Reason.Declined => ($"Your introduction to {target} was declined",
                $"Your request for an introduction to {target} was declined. Details:"),
            _ => ("Reminder: an introduction waits for you",
                $"{requester}'s request for an introduction to {target} is waiting for your answer:"),
        };
        var link = $"{configuration["App:PublicUrl"]?.TrimEnd('/')}/introductions/{introduction.Id}";
        try
        {
            await sender.SendAsync(new EmailMessage(address, subject, $"Hello {Name(recipientId)},\n\n{text}\n{link}\n"), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not send the introduction mail '{Reason}' for introduction {Id}.", reason, introduction.Id);
        }
    }
}
