using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Integration;

/// <summary>The suite really runs on the store it was asked for (ENTREGENT_TEST_DATABASE).</summary>
public class StoreTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public void Configuration_Started_CarriesTheFactoryStore()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(TestStore.ProviderFromEnvironment(), App.Store.Provider);
        Assert.Equal(App.Store.Provider, configuration["Database:Provider"]);
        Assert.Equal(App.Store.ConnectionString, configuration.GetConnectionString("Entregent"));
        Assert.Equal(App.DataPath, configuration["Storage:DataPath"]);
    }

    [Fact]
    public async Task Server_Started_IsTheRequestedStore()
    {
        _ = App.Services;

        var server = await App.Store.DescribeServerAsync(Cancellation);

        TestContext.Current.TestOutputHelper?.WriteLine($"Store: {App.Store.Provider}, server: {server}");
        Assert.StartsWith(App.Store.IsPostgres ? "PostgreSQL " : "SQLite ", server, StringComparison.Ordinal);
        Assert.True(await App.Store.DatabaseExistsAsync(Cancellation));
    }

    [Fact]
    public void DbContext_Registered_UsesTheRequestedProvider()
    {
        // Until the app registers its DbContext (EntregentDb) there is nothing to check here; from then on
        // every registered context must run on the requested provider and database.
        using var scope = App.Services.CreateScope();
        foreach (var type in App.DbContextTypes)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            TestContext.Current.TestOutputHelper?.WriteLine($"{type.Name}: {db.Database.ProviderName}");
            Assert.Equal(
                App.Store.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
                db.Database.ProviderName);
            // The app may add options to the connection string; the database it points at must be ours.
            var connection = db.Database.GetDbConnection();
            Assert.Equal(App.Store.Database, App.Store.IsPostgres ? connection.Database : Path.GetFullPath(connection.DataSource));
        }
    }
}
