namespace Entregent.Web.Tests.Infrastructure;

public abstract partial class IntegrationTest
{
    /// <inheritdoc cref="MemberActions.WaitForFeedAsync"/>
    protected Task WaitForFeedAsync() => App.WaitForFeedAsync(Cancellation);

    /// <inheritdoc cref="MemberActions.MemberIdAsync"/>
    protected Task<long> MemberIdAsync(Member member) => App.MemberIdAsync(member, Cancellation);
}
