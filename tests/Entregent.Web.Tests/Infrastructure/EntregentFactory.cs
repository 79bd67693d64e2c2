using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// The real app in process, in environment <c>Testing</c>, on its own store (see <see cref="TestStore"/>),
/// its own temp <c>Storage:DataPath</c> and a hand-moved clock (<see cref="Time"/>). Use one per test class
/// (<c>IClassFixture&lt;EntregentFactory&gt;</c>, which <see cref="IntegrationTest"/> does for you); members
/// registered by different tests of a class share the store, so tests never assume an empty one.
/// </summary>
public class EntregentFactory : WebApplicationFactory<Program>
{
    private readonly List<Type> _dbContextTypes = [];
    private TestStore? _store;

    public EntregentFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "entregent-tests", Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        DataPath = Path.Combine(Folder, "data");
        Directory.CreateDirectory(DataPath);
    }

    /// <summary>The clock the app sees as its <see cref="TimeProvider"/>.</summary>
    public TestTimeProvider Time { get; } = new();

    /// <summary>This factory's temp folder: the SQLite file and <see cref="DataPath"/> live here; deleted on dispose.</summary>
    public string Folder { get; }

    /// <summary><c>Storage:DataPath</c>: photos, and the mail pickup folder <c>mail/</c> where sent e-mails land.</summary>
    public string DataPath { get; }

    /// <summary>The mail pickup folder (<c>Storage:DataPath/mail</c>).</summary>
    public string MailPath => Path.Combine(DataPath, "mail");

    /// <summary>The store given to the app; created on first use (the host's first start at the latest).</summary>
    public TestStore Store => _store ??= TestStore.Create(Folder);

    /// <summary>The DbContext types the app registered (e.g. EntregentDb), found when its host was built.</summary>
    public IReadOnlyList<Type> DbContextTypes => _dbContextTypes;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting rather than ConfigureAppConfiguration: with minimal hosting these become command-line
        // arguments, so Program.cs sees them while it is still building and they win over appsettings*.json.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Store.Provider);
        builder.UseSetting("ConnectionStrings:Entregent", Store.ConnectionString);
        builder.UseSetting("Storage:DataPath", DataPath);
        // Test output stays readable: the app's information logs would drown the failures.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every request of a test run comes from one address; a class registering many members must not be
        // throttled. RateLimitTests lowers it again to test the 429.
        builder.UseSetting("RateLimits:AccountPermits", "100000");

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            _dbContextTypes.AddRange(services
                .Select(d => d.ServiceType)
                .Where(t => t.IsSubclassOf(typeof(DbContext)))
                .Distinct());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// An <see cref="EntregentFactory"/> listening on a real socket (Kestrel on 127.0.0.1, a free port), for a
/// browser. <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> then talks HTTP to it too.
/// </summary>
public class EntregentServer : EntregentFactory
{
    private Uri? _baseAddress;

    public EntregentServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens, e.g. http://127.0.0.1:40123/; starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_baseAddress is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
                _baseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
            }

            return _baseAddress;
        }
    }
}
