namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests (namespace <c>Entregent.Web.Tests.Integration</c>, which scripts/test.sh runs
/// on SQLite and again on PostgreSQL): one <see cref="EntregentFactory"/> per test class, and the member
/// actions, named after what a member does.
/// </summary>
/// <example>
/// <code>
/// public class InvitationTests(EntregentFactory app) : IntegrationTest(app)
/// {
///     [Fact]
///     public async Task Send_ToStranger_Created()
///     {
///         var ada = await RegisterMemberAsync("Ada");
///         var response = await ada.Client.PostAsJsonAsync(...);
///     }
/// }
/// </code>
/// </example>
public abstract partial class IntegrationTest(EntregentFactory app) : IClassFixture<EntregentFactory>
{
    /// <summary>The app under test: its store, clock (<c>App.Time</c>), services and data folder.</summary>
    protected EntregentFactory App { get; } = app;

    /// <summary>Cancelled when the test run is aborted or times out; pass it to every async call.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <inheritdoc cref="MemberActions.AnonymousClient"/>
    protected HttpClient AnonymousClient() => App.AnonymousClient();

    /// <inheritdoc cref="MemberActions.RegisterMemberAsync"/>
    protected Task<Member> RegisterMemberAsync(string displayName) => App.RegisterMemberAsync(displayName, Cancellation);

    /// <inheritdoc cref="MemberActions.SignInAsync"/>
    protected Task<MemberActions.TokenResponse> SignInAsync(string email, string password) => App.SignInAsync(email, password, Cancellation);
}
