using Entregent.Web.Data;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Email;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Asks;

/// <summary>
/// The owner asks one of their 1st-degree connections about an ask, once: the request carries the candidates of that
/// connection's group at this moment, and the connection is told by e-mail.
/// </summary>
public static class SendAskRequest
{
    /// <param name="Connection">The handle of the owner's 1st-degree connection.</param>
    /// <param name="Note">Up to 500 characters for them.</param>
    public sealed record Request(string? Connection, string? Note = null);

    public static async Task<Outcome<AskRequestView>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex search, IEmailSender email,
        TimeProvider time, long ownerId, long askId, Request request, string baseUrl, CancellationToken cancellationToken)
    {
        var ask = await db.Asks.AsNoTracking().FirstOrDefaultAsync(a => a.Id == askId && a.OwnerId == ownerId, cancellationToken);
        if (ask is null)
        {
            return ViewAsk.NotFound(askId);
        }
        var errors = new FieldErrors();
        var note = errors.Text("note", request.Note, AskRequest.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (ask.Status != AskStatus.Open)
        {
            return Failure.Conflict("status", "This ask is closed.");
        }
        var found = await VisibleMembers.FindAsync(db, network, ownerId, request.Connection, cancellationToken, "connection");
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var connectionId = found.Value;
        if (!network.AreConnected(ownerId, connectionId))
        {
            return Failure.Invalid("connection", "You can only ask your own connections.");
        }
        if (await db.AskRequests.AnyAsync(r => r.AskId == askId && r.ConnectionId == connectionId, cancellationToken))
        {
            return Failure.Conflict("connection", "You have already asked this connection about this ask.");
        }
        var groups = await MatchAsk.GroupAsync(db, network, search, ask, cancellationToken);
        var candidates = groups.FirstOrDefault(g => g.ConnectionId == connectionId)?.CandidateIds.Take(MatchAsk.MaxCandidatesPerGroup).ToList() ?? [];
        var now = time.GetUtcNow();
        var row = new AskRequest { AskId = askId, ConnectionId = connectionId, CandidateIds = candidates, Note = note, CreatedAt = now };
        db.AskRequests.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on (ask, connection): the same request sent twice at once.
            return Failure.Conflict("connection", "You have already asked this connection about this ask.");
        }

        var people = await db.Profiles.AsNoTracking().Where(p => p.MemberId == ownerId || p.MemberId == connectionId)
            .Join(db.Users, p => p.MemberId, u => u.Id, (p, u) => new { p.MemberId, p.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var owner = people.Single(p => p.MemberId == ownerId);
        var asked = people.Single(p => p.MemberId == connectionId);
        if (asked.Email is not null)
        {
            var link = $"{baseUrl.TrimEnd('/')}/asks/requests";
            var knows = candidates.Count switch
            {
                0 => "",
                1 => "Entregent found 1 person you know who may fit.\n",
                _ => $"Entregent found {candidates.Count} people you know who may fit.\n",
            };
            await email.SendAsync(new EmailMessage(asked.Email, $"{owner.DisplayName} asks: do you know someone?",
                $"Hello {asked.DisplayName},\n\n{owner.DisplayName} is looking for someone:\n\n{ask.Text}\n\n{(note is null ? "" : $"Their note: {note}\n\n")}{knows}"
                + $"Forward the ask to someone, suggest another person or decline here:\n{link}\n"), cancellationToken);
        }
        return (await AskViews.RequestsAsync(db, network, ownerId, askId, cancellationToken)).Single(r => r.Id == row.Id);
    }
}
