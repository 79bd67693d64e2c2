namespace Entregent.Web.Tests.Infrastructure;

public abstract partial class IntegrationTest
{
    /// <inheritdoc cref="MemberActions.StrengthAsync"/>
    protected Task<float?> StrengthAsync(Member a, Member b) => App.StrengthAsync(a, b, Cancellation);
}
