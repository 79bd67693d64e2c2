using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Data;

/// <summary>Wires the store of record: provider, connection, migrations assembly, migration at start.</summary>
public static class StoreSetup
{
    public const string ConnectionStringName = "Entregent";

    private static readonly FeedTransactionInterceptor FeedInterceptor = new();

    public static IServiceCollection AddEntregentStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<ChangeFeed>();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Entregent is empty; set it (e.g. ConnectionStrings__Entregent=\"Host=…;Database=entregent;Username=…;Password=…\").");
                }
                var postgresMigrations = LoadMigrationsAssembly("Entregent.Migrations.Postgres");
                services.AddDbContextPool<EntregentDb>(db => db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(postgresMigrations))
                    .AddInterceptors(FeedInterceptor));
                break;
            default:
                var sqlite = new SqliteConnectionStringBuilder(connectionString ?? "Data Source=./data/entregent.db");
                if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
                {
                    sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
                }
                var sqliteMigrations = LoadMigrationsAssembly("Entregent.Migrations.Sqlite");
                services.AddDbContextPool<EntregentDb>(db => db.UseSqlite(sqlite.ConnectionString, s => s.MigrationsAssembly(sqliteMigrations))
                    .AddInterceptors(FeedInterceptor));
                break;
        }
        return services;
    }

    /// <summary>Creates the SQLite folder and applies pending migrations; logs which store is in use.</summary>
    public static async Task PrepareStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup));
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            logger.LogInformation("Store: SQLite at {DataSource}", dataSource);
        }
        else
        {
            var database = db.Database.GetDbConnection().Database;
            logger.LogInformation("Store: PostgreSQL database {Database}", database);
        }
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    // The migrations assemblies reference this one, so they are loaded from beside it rather than referenced
    // (see the BuildMigrationsAssemblies target in Entregent.Web.csproj).
    private static Assembly LoadMigrationsAssembly(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The migrations assembly {path} is missing; build the solution or src/Entregent.Web again.");
        }
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
