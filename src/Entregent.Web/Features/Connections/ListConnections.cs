using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// A member's connections, newest first. The owner sees all of them; another member sees them too unless the owner
/// hides the list, in which case only the connections both share; blocked members are left out for everyone.
/// </summary>
public static class ListConnections
{
    public const int PageSize = 50;

    public sealed record Item(MemberCard Member, DateTimeOffset ConnectedAt);

    public sealed record Page(IReadOnlyList<Item> Items, int Total, int PageNumber, int PageSize, bool OnlyShared);

    public static async Task<Outcome<Page>> MineAsync(EntregentDb db, NetworkGraph network, long memberId, int page, CancellationToken cancellationToken) =>
        await ListAsync(db, network, memberId, memberId, page, cancellationToken);

    public static async Task<Outcome<Page>> OfAsync(EntregentDb db, NetworkGraph network, long? viewerId, string handle, int page,
        CancellationToken cancellationToken)
    {
        var owner = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!owner.Succeeded)
        {
            return owner.Failure!;
        }
        if (viewerId is null)
        {
            return Failure.Unauthorized("Sign in to see connections.");
        }
        return await ListAsync(db, network, viewerId.Value, owner.Value, page, cancellationToken);
    }

    private static async Task<Outcome<Page>> ListAsync(EntregentDb db, NetworkGraph network, long viewerId, long ownerId, int page,
        CancellationToken cancellationToken)
    {
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var graph = network.Graph;
        if (!network.TryGetDense(ownerId, out var owner))
        {
            return new Page([], 0, page, PageSize, false);
        }
        var hidden = viewerId != ownerId && graph.IsConnectionListHidden(owner);
        network.TryGetDense(viewerId, out var viewer);
        // The graph holds each connection's date, so the list is read from memory and only the page's cards from the store.
        var visible = graph.GetConnections(owner)
            .Where(c => c.Member != viewer || viewerId == ownerId)
            .Where(c => viewerId == ownerId ? !graph.IsBlocked(owner, c.Member) : !graph.IsBlocked(viewer, c.Member) && !graph.IsHidden(c.Member))
            .Where(c => viewerId == ownerId || network.IsConnectionVisible(viewer, owner, c.Member))
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Member)
            .ToList();
        var slice = visible.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, slice.Select(c => network.MemberIdOf(c.Member)).ToList(), cancellationToken);
        var items = slice.Where(c => cards.ContainsKey(network.MemberIdOf(c.Member)))
            .Select(c => new Item(cards[network.MemberIdOf(c.Member)], c.CreatedAt)).ToList();
        return new Page(items, visible.Count, page, PageSize, hidden);
    }

    /// <summary>Ends a connection; either member may. Invitations between the two are left as history.</summary>
    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, NetworkGraph network, long memberId, string handle,
        CancellationToken cancellationToken)
    {
        var other = await VisibleMembers.FindAsync(db, network, memberId, handle, cancellationToken);
        if (!other.Succeeded)
        {
            return other.Failure!;
        }
        var connection = await Connection.FindAsync(db, memberId, other.Value, cancellationToken);
        if (connection is null)
        {
            return Failure.NotFound("You are not connected to this member.");
        }
        db.Connections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
