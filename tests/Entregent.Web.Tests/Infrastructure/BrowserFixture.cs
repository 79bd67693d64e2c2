using Microsoft.Playwright;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole <see cref="BrowserTestGroup"/>; each test gets a fresh context
/// (cookies, storage) from <see cref="NewContextAsync"/>. It drives Debian's Chromium and never downloads a
/// browser: <c>ENTREGENT_TEST_CHROMIUM</c> overrides the path (default <c>/usr/bin/chromium</c>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "ENTREGENT_TEST_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Chromium at {executable}: install Debian's (apt-get install chromium; scripts/test.sh does) or set {ChromiumVariable}.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh, isolated browser context whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Browser tests run one at a time, sharing one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Base of the browser tests (namespace <c>Entregent.Web.Tests.Browser</c>): the app on a real socket
/// (<see cref="EntregentServer"/>, one per test class) and a fresh <see cref="Page"/> per test whose relative
/// URLs go to it. Member actions work too: <c>await App.RegisterMemberAsync("Ada")</c>.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public abstract class BrowserTest(BrowserFixture browser, EntregentServer app) : IClassFixture<EntregentServer>, IAsyncLifetime
{
    /// <summary>Signs <paramref name="member"/> in through the sign-in page, as a person would.</summary>
    protected static async Task SignInAsync(IPage page, Member member)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(member);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("[name='Input.Email']", member.Email);
        await page.FillAsync("[name='Input.Password']", member.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary><paramref name="from"/> invites <paramref name="to"/> and <paramref name="to"/> accepts, both through the API.</summary>
    protected static async Task ConnectThroughApiAsync(Member from, Member to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var invitation = await from.InviteAsync(to, cancellationToken: TestContext.Current.CancellationToken);
        await to.AcceptAsync(invitation.GetProperty("id").GetInt64(), TestContext.Current.CancellationToken);
    }

    private IBrowserContext? _context;
    private IPage? _page;

    protected EntregentServer App { get; } = app;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The context opens in InitializeAsync.");

    protected IPage Page => _page ?? throw new InvalidOperationException("The page opens in InitializeAsync.");

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        _context = await browser.NewContextAsync(App.BaseAddress);
        _page = await _context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
