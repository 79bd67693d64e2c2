using Entregent.Web.Features.Groups;

namespace Entregent.Web.Tests.Infrastructure;

public abstract partial class IntegrationTest
{
    /// <summary>A group (straight in the store) with <paramref name="owner"/> and <paramref name="members"/> as members; its slug.</summary>
    protected Task<string> GroupOfAsync(Member owner, params Member[] members) =>
        App.CreateGroupInStoreAsync(owner, GroupKind.Private, members, cancellationToken: Cancellation);
}
