namespace Entregent.Graph;

/// <summary>The social graph index (placeholder until the graph issue lands).</summary>
public sealed class SocialGraph
{
}
