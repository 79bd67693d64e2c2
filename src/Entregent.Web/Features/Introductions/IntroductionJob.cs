using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// Keeps introductions moving: every <see cref="IntroductionOptions.CheckEvery"/> (an hour), an open introduction
/// untouched for <see cref="IntroductionOptions.ReminderAfter"/> gets one reminder to whoever's turn it is, and one
/// untouched for <see cref="IntroductionOptions.ExpireAfter"/> expires. Forwarding resets both clocks.
/// </summary>
public sealed class IntroductionJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<IntroductionOptions> options,
    ILogger<IntroductionJob> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (reminded, expired) = await RunAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(),
                    scope.ServiceProvider.GetRequiredService<IntroductionEmails>(), time, options.Value, stoppingToken);
                if (reminded + expired > 0)
                {
                    logger.LogInformation("Introductions: {Reminded} reminded, {Expired} expired.", reminded, expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reminding or expiring introductions failed; the next run will try again.");
            }
        }
    }

    /// <summary>One pass: expires what is too old, then reminds what is old enough and not yet reminded at this turn.</summary>
    public static async Task<(int Reminded, int Expired)> RunAsync(EntregentDb db, IntroductionEmails emails, TimeProvider time,
        IntroductionOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow();
        var expireBefore = now - settings.ExpireAfter;
        var remindBefore = now - settings.ReminderAfter;
        // Version moves too, so an answer racing the expiry loses cleanly instead of reopening it.
        var expired = await db.Introductions
            .Where(i => (i.Status == IntroductionStatus.AwaitingIntermediary || i.Status == IntroductionStatus.AwaitingSecondIntermediary
                || i.Status == IntroductionStatus.AwaitingTarget) && i.UpdatedAt < expireBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IntroductionStatus.Expired).SetProperty(i => i.ClosedAt, now)
                .SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);

        var reminded = 0;
        while (true)
        {
            var due = await db.Introductions
                .Where(i => (i.Status == IntroductionStatus.AwaitingIntermediary || i.Status == IntroductionStatus.AwaitingSecondIntermediary
                    || i.Status == IntroductionStatus.AwaitingTarget) && i.UpdatedAt < remindBefore && i.RemindedAt == null)
                .OrderBy(i => i.UpdatedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }
            foreach (var introduction in due)
            {
                introduction.RemindedAt = now;
                introduction.Version++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone answered meanwhile: their answer stands; the next run looks again.
                db.ChangeTracker.Clear();
                break;
            }
            foreach (var introduction in due)
            {
                await emails.SendAsync(db, introduction, IntroductionView.TurnOf(introduction)!.Value, IntroductionEmails.Reason.Reminder, cancellationToken);
            }
            reminded += due.Count;
            db.ChangeTracker.Clear();
        }
        return (reminded, expired);
    }
}
