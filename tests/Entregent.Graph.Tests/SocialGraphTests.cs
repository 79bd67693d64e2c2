namespace Entregent.Graph.Tests;

public class SocialGraphTests
{
    [Fact]
    public void Constructor_Always_CreatesGraph() => Assert.NotNull(new Entregent.Graph.SocialGraph());
}
