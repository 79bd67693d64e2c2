using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Notifications;

/// <summary>
/// Every <see cref="NotificationOptions.CheckEvery"/> (an hour): sends the digests due (<see cref="NotificationDigest"/>)
/// and, once a day, tells connections of this month's work anniversaries (<see cref="CareerNews.AnniversariesAsync"/>).
/// Both are safe to repeat: digests mark what they carried, anniversaries are deduplicated per year.
/// </summary>
public sealed class NotificationDigestJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<NotificationDigestJob> logger) : BackgroundService
{
    // One pass at a time: a pass asked for by hand (tests, an admin command) waits for the timer's.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateOnly _anniversariesDoneFor;

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sending digests or career news failed; the next run will try again.");
            }
        }
    }

    /// <summary>One pass, as the timer runs it.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RunGatedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunGatedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (_anniversariesDoneFor != today)
        {
            var told = await CareerNews.AnniversariesAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(),
                scope.ServiceProvider.GetRequiredService<NetworkGraph>(), time, cancellationToken);
            _anniversariesDoneFor = today;
            if (told > 0)
            {
                logger.LogInformation("Work anniversaries: {Told} notifications.", told);
            }
        }
        var sent = await scope.ServiceProvider.GetRequiredService<NotificationDigest>().RunAsync(time, options.Value, cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Notification digests: {Sent} sent.", sent);
        }
    }
}
