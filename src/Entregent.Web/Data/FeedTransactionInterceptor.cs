using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entregent.Web.Data;

/// <summary>
/// Lets <see cref="EntregentDb"/> announce feed rows written inside a caller's transaction only when that
/// transaction commits, never before (a cache refilled in between would keep the old data).
/// </summary>
public sealed class FeedTransactionInterceptor : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as EntregentDb)?.OnTransactionCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as EntregentDb)?.OnTransactionCommitted();
        return Task.CompletedTask;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as EntregentDb)?.OnTransactionAbandoned();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as EntregentDb)?.OnTransactionAbandoned();
        return ValueTask.FromResult(result);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as EntregentDb)?.OnTransactionAbandoned();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as EntregentDb)?.OnTransactionAbandoned();
        return Task.CompletedTask;
    }
}
