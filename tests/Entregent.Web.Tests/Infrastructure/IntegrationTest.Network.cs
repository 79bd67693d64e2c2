namespace Entregent.Web.Tests.Infrastructure;

public abstract partial class IntegrationTest
{
    /// <inheritdoc cref="MemberActions.ConnectAsync"/>
    protected Task ConnectAsync(Member a, Member b) => App.ConnectAsync(a, b, Cancellation);

    /// <inheritdoc cref="MemberActions.WaitForNetworkAsync"/>
    protected Task WaitForNetworkAsync() => App.WaitForNetworkAsync(Cancellation);
}
