namespace Entregent.Graph;

/// <summary>
/// Network distance between a viewer and another member, bounded at three hops, as shown beside every name.
/// </summary>
public enum Degree : byte
{
    /// <summary>Not within three hops, unknown, hidden, blocked, or the viewer themselves.</summary>
    None = 0,

    /// <summary>A direct connection of the viewer.</summary>
    First = 1,

    /// <summary>A connection of one of the viewer's connections.</summary>
    Second = 2,

    /// <summary>Three hops away.</summary>
    Third = 3,
}
