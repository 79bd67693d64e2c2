using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Asks;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Demo;
using Entregent.Web.Features.Endorsements;
using Entregent.Web.Features.Feed;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Features.Ldbc;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Features.Search;
using Entregent.Web.Features.Watches;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Email;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

// `--demo` is ours, not a configuration switch: take it out before the host parses the command line.
var seedDemo = args.Contains("--demo", StringComparer.Ordinal);
args = [.. args.Where(a => a != "--demo")];
// `ldbc import|validate <path>`: a verb of this executable, run with the app's services instead of the web server.
var ldbc = LdbcCommand.TakeFrom(ref args);
// `reindex`: rebuild the search index from the store, then exit.
var reindex = ReindexCommand.TakeFrom(ref args);
// The content root is where the app's own files are (next to the assembly, for `dotnet run` and a published
// app alike); relative data paths such as ./data/entregent.db resolve against the directory it was started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var dataPath = Path.GetFullPath(builder.Configuration["Storage:DataPath"] ?? "data");

builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Photos are at most 5 MB; nothing else we accept comes near this.
    kestrel.Limits.MaxRequestBodySize = 6 * 1024 * 1024;
    kestrel.AddServerHeader = false;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddEntregentStore(builder.Configuration, Environment.CurrentDirectory);
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys"))).SetApplicationName("Entregent");

builder.Services.AddIdentityCore<Member>(identity =>
    {
        identity.User.RequireUniqueEmail = true;
        identity.Password.RequiredLength = 10;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequireUppercase = false;
        identity.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
        identity.SignIn.RequireConfirmedEmail = builder.Configuration.GetValue("Accounts:RequireConfirmedEmail", false);
    })
    .AddEntityFrameworkStores<EntregentDb>()
    .AddSignInManager()
    .AddDefaultTokenProviders();

// One scheme for everything: API clients send a bearer token, browsers carry the Identity cookie.
const string SmartScheme = "Entregent";
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = SmartScheme;
        options.DefaultChallengeScheme = SmartScheme;
    })
    .AddPolicyScheme(SmartScheme, "Bearer token or cookie", options => options.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || MessagingHub.QueryToken(context.Request) is not null
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, bearer =>
    {
        bearer.BearerTokenExpiration = TimeSpan.FromHours(1);
        bearer.RefreshTokenExpiration = TimeSpan.FromDays(14);
        // WebSockets and server-sent events cannot carry a header from a browser: API clients of the hub pass the token in the query.
        bearer.Events.OnMessageReceived = context =>
        {
            context.Token ??= MessagingHub.QueryToken(context.Request);
            return Task.CompletedTask;
        };
    })
    .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
    {
        cookie.LoginPath = "/account/sign-in";
        cookie.LogoutPath = "/account/sign-out";
        cookie.AccessDeniedPath = "/account/sign-in";
        cookie.Cookie.Name = "entregent";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request is HTTPS; the default local address is plain HTTP on loopback.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        cookie.SlidingExpiration = true;
        // API routes answer 401/403 instead of redirecting to the sign-in page.
        cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
    }));
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery(antiforgery =>
{
    antiforgery.Cookie.Name = "entregent-af";
    antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.AddEntregentRateLimits(builder.Configuration);
builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Entregent API";
    document.Info.Description = "People looking for people. Authenticate with a bearer token from POST /api/v1/accounts/token "
        + "(send it as 'Authorization: Bearer …'); errors are RFC 9457 ProblemDetails whose 'errors' name the fields at fault.";
    return Task.CompletedTask;
}));
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");

builder.Services.AddScoped<AccountEmails>();
builder.Services.AddSingleton<ProfileCache>();
builder.Services.AddHostedService<ProfileCacheFollower>();
builder.Services.AddSingleton<NetworkGraph>();
builder.Services.AddOptions<NetworkOptions>().Bind(builder.Configuration.GetSection(NetworkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
// Registered before the web server: the graph is built before the first request is served.
builder.Services.AddHostedService<NetworkGraphFollower>();
builder.Services.AddSingleton<SearchIndex>();
builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection("Search"))
    .PostConfigure<SearchOptions>(search => search.IndexPath = builder.Configuration["Search:IndexPath"] ?? Path.Combine(dataPath, "search"));
builder.Services.AddHostedService<SearchIndexFollower>();
builder.Services.AddOptions<AskOptions>().Bind(builder.Configuration.GetSection(AskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<RelationshipStrengthRefresher>();
builder.Services.AddEntregentEmail(builder.Configuration);
builder.Services.AddOptions<IntroductionOptions>().Bind(builder.Configuration.GetSection(IntroductionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<IntroductionEmails>();
builder.Services.AddHostedService<IntroductionJob>();
builder.Services.AddEntregentImaging(builder.Configuration);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<Uploads>();

// Feed.
builder.Services.AddOptions<FeedOptions>().Bind(builder.Configuration.GetSection(FeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<FeedIndex>();
builder.Services.AddHostedService<FeedIndexFollower>();

// Messaging.
builder.Services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSignalR();
builder.Services.AddSingleton<MessagingNotifier>();

// Notifications.
builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<NotificationDigest>();
builder.Services.AddSingleton<NotificationDigestJob>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<NotificationDigestJob>());

// Watches.
builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<WatchJob>();

builder.Services.AddLocalization();
builder.Services.AddSingleton<ReadYourWrites>();
builder.Services.AddRazorPages().AddMvcOptions(mvc => mvc.Filters.AddService<ReadYourWrites>());
// Pages are in French as well as English: write "é" as itself rather than "&#xE9;" (Razor still escapes markup).
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

await app.Services.PrepareStoreAsync(app.Lifetime.ApplicationStopping);
if (ldbc is not null)
{
    Environment.ExitCode = await ldbc.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
    return;
}
if (reindex)
{
    Environment.ExitCode = await ReindexCommand.RunAsync(app.Services, Spectre.Console.AnsiConsole.Console, app.Lifetime.ApplicationStopping);
    return;
}
if (seedDemo || app.Configuration.GetValue("Demo:Seed", false))
{
    await using var scope = app.Services.CreateAsyncScope();
    await SeedDemoNetwork.ExecuteAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(),
        scope.ServiceProvider.GetRequiredService<IPasswordHasher<Member>>(), TimeProvider.System,
        app.Logger, app.Configuration.GetValue("Demo:Members", 320), app.Lifetime.ApplicationStopping);
}

// API clients get ProblemDetails for everything; people get the app's own error page.
app.UseWhen(IsApiRequest, api => api.UseExceptionHandler());
app.UseWhen(context => !IsApiRequest(context), pages => pages.UseExceptionHandler("/status/500"));
app.UseStatusCodePages();
// Browsers get the app's own status pages (404, 403…); API and media answers keep ProblemDetails from the line above.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/media")
        && !context.Request.Path.StartsWithSegments(MessagingHub.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseRequestLocalization(localization =>
{
    string[] cultures = ["en", "fr"];
    localization.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    localization.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("Entregent API"));
// Every route answers only once the graph reflects the request's own writes (see ReadYourWrites).
var routes = app.MapGroup("").AddEndpointFilter<ReadYourWrites>();
routes.MapAccountEndpoints();
routes.MapProfileEndpoints();
routes.MapOrganizationEndpoints();
routes.MapConnectionEndpoints();
routes.MapAskEndpoints();
routes.MapIntroductionEndpoints();
routes.MapMessagingEndpoints();
app.MapHub<MessagingHub>(MessagingHub.Path);
routes.MapSearchEndpoints();
routes.MapMediaEndpoints();
routes.MapEndorsementEndpoints();
routes.MapRecommendationEndpoints();
routes.MapGroupEndpoints();
routes.MapPostEndpoints();
routes.MapFeedEndpoints();
routes.MapNotificationEndpoints();
routes.MapWatchEndpoints();
app.MapRazorPages();

await app.RunAsync();

static bool IsApiRequest(HttpContext context) =>
    context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
    || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
    || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

static Task ApiAwareRedirect(HttpContext context, string redirectUri, int apiStatus)
{
    if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments(MessagingHub.Path))
    {
        context.Response.StatusCode = apiStatus;
        return Task.CompletedTask;
    }
    context.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
