using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>A member's notification settings as the API shows them (defaults when never set).</summary>
public sealed record NotificationSettingsView(DigestFrequency Digest, IReadOnlyList<NotificationKind> MutedKinds,
    IReadOnlyList<NotificationKind> NotEmailedKinds, DateTimeOffset? LastDigestAt);

/// <summary>Read and change one's notification settings: the digest frequency, the kinds muted, the kinds kept out of the digest.</summary>
public static class NotificationPreferences
{
    /// <param name="Digest">off, daily or weekly; absent keeps the current value.</param>
    /// <param name="MutedKinds">Kinds neither shown nor e-mailed (camelCase names, e.g. "workAnniversary"); absent keeps the current list.</param>
    /// <param name="NotEmailedKinds">Kinds shown in the centre but left out of the digest; absent keeps the current list.</param>
    public sealed record Request(string? Digest, IReadOnlyList<string>? MutedKinds, IReadOnlyList<string>? NotEmailedKinds);

    public static async Task<NotificationSettingsView> GetAsync(EntregentDb db, long memberId, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken)
            ?? new NotificationSettings { MemberId = memberId };
        return View(settings);
    }

    public static async Task<Outcome<NotificationSettingsView>> SetAsync(EntregentDb db, long memberId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        DigestFrequency? digest = null;
        if (request.Digest is not null)
        {
            if (Enum.TryParse<DigestFrequency>(request.Digest, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                && !int.TryParse(request.Digest, out _))
            {
                digest = parsed;
            }
            else
            {
                errors.Add("digest", "Use off, daily or weekly.");
            }
        }
        var muted = ParseKinds(errors, "mutedKinds", request.MutedKinds);
        var notEmailed = ParseKinds(errors, "notEmailedKinds", request.NotEmailedKinds);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.MemberId == memberId, cancellationToken);
        if (settings is null)
        {
            settings = new NotificationSettings { MemberId = memberId };
            db.NotificationSettings.Add(settings);
        }
        settings.Digest = digest ?? settings.Digest;
        settings.MutedKinds = muted ?? settings.MutedKinds;
        settings.NotEmailedKinds = notEmailed ?? settings.NotEmailedKinds;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other one created the row; the member can simply save again.
            db.ChangeTracker.Clear();
            return Failure.Conflict("digest", "Your settings changed meanwhile: reload them and try again.");
        }
        return View(settings);
    }

    /// <summary>The camelCase name of a kind, as the API and the forms write it.</summary>
    public static string NameOf(NotificationKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static List<NotificationKind>? ParseKinds(FieldErrors errors, string field, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return null;
        }
        var kinds = new List<NotificationKind>();
        foreach (var name in names)
        {
            var kind = Enum.GetValues<NotificationKind>().Where(k => string.Equals(NameOf(k), name?.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(k => (NotificationKind?)k).FirstOrDefault();
            if (kind is null)
            {
                errors.Add(field, $"Unknown kind '{(name is { Length: > 40 } ? name[..40] + "…" : name)}'; use: {string.Join(", ", Enum.GetValues<NotificationKind>().Select(NameOf))}.");
                return null;
            }
            if (!kinds.Contains(kind.Value))
            {
                kinds.Add(kind.Value);
            }
        }
        return kinds;
    }

    private static NotificationSettingsView View(NotificationSettings settings) =>
        new(settings.Digest, settings.MutedKinds.Order().ToList(), settings.NotEmailedKinds.Order().ToList(), settings.LastDigestAt);
}
