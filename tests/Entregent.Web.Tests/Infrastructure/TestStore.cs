using System.Globalization;
using Npgsql;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// The store of record behind one <see cref="EntregentFactory"/>: a SQLite file in the factory's temp
/// folder, or a uniquely named database on a throwaway PostgreSQL server, dropped on dispose.
/// </summary>
/// <remarks>
/// The same integration tests run on both stores; the environment picks one:
/// <c>ENTREGENT_TEST_DATABASE=Sqlite|Postgres</c> (default Sqlite) and, for Postgres,
/// <c>ENTREGENT_TEST_POSTGRES</c>, an admin connection string (a role allowed to CREATE DATABASE) of a
/// server whose databases the tests may create and drop. scripts/test.sh starts such a server.
/// </remarks>
public sealed class TestStore : IAsyncDisposable
{
    public const string DatabaseVariable = "ENTREGENT_TEST_DATABASE";
    public const string PostgresVariable = "ENTREGENT_TEST_POSTGRES";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private readonly string? _adminConnectionString;

    private TestStore(string provider, string connectionString, string database, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Database = database;
        _adminConnectionString = adminConnectionString;
    }

    /// <summary>The value given to the app as <c>Database:Provider</c>: <c>Sqlite</c> or <c>Postgres</c>.</summary>
    public string Provider { get; }

    /// <summary>The value given to the app as <c>ConnectionStrings:Entregent</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The PostgreSQL database name (entregent_test_…), or the SQLite file's full path.</summary>
    public string Database { get; }

    public bool IsPostgres => Provider == Postgres;

    /// <summary>The provider the environment asks for; fails loudly on a typo rather than testing SQLite twice.</summary>
    public static string ProviderFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (string.IsNullOrWhiteSpace(value) || value.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite;
        }

        if (value.Equals(Postgres, StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres;
        }

        throw new InvalidOperationException($"{DatabaseVariable}='{value}' is not a known store; use Sqlite or Postgres.");
    }

    /// <summary>
    /// Creates the store for one factory. Synchronous on purpose: WebApplicationFactory builds its host from
    /// synchronous callbacks, and the database must exist before the app migrates it on start.
    /// </summary>
    public static TestStore Create(string folder)
    {
        if (ProviderFromEnvironment() == Sqlite)
        {
            var file = Path.Combine(folder, "entregent.db");
            return new TestStore(Sqlite, $"Data Source={file}", Path.GetFullPath(file), null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{DatabaseVariable}=Postgres needs {PostgresVariable}, the admin connection string of a throwaway server " +
                "(scripts/test.sh starts one), e.g. Host=127.0.0.1;Port=5433;Username=postgres");
        }

        // Unquoted lower-case identifier: safe to splice into CREATE/DROP DATABASE, which take no parameters.
        var name = "entregent_test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, IncludeErrorDetail = true }.ConnectionString;
        return new TestStore(Postgres, connectionString, name, admin);
    }

    /// <summary>
    /// Asks the server behind <see cref="ConnectionString"/> what it is, e.g. "PostgreSQL 15.8 on ..." or
    /// "SQLite 3.46.1": proof that a test run really talks to the store it claims.
    /// </summary>
    public async Task<string> DescribeServerAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT version()", connection);
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using var query = sqlite.CreateCommand();
        query.CommandText = "SELECT 'SQLite ' || sqlite_version()";
        return (string)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Whether this store's database still exists on its server (always true for SQLite).</summary>
    public async Task<bool> DatabaseExistsAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return true;
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", Database);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsPostgres)
        {
            return;
        }

        // The app's pooled connections would keep the database busy; FORCE ends any that remain.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
