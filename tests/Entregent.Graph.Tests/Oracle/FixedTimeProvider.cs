namespace Entregent.Graph.Tests.Oracle;

/// <summary>A clock that says what the test wants.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
