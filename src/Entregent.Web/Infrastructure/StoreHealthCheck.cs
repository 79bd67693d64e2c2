using Entregent.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Entregent.Web.Infrastructure;

/// <summary>Healthy when the store answers.</summary>
public sealed class StoreHealthCheck(EntregentDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
