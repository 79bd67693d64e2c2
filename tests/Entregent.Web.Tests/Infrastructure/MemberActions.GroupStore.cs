using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Organizations;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// Groups set up straight in the store, for tests of other features that only need "these members are in that group"
/// (posts, the feed, messaging). The groups feature's own tests go through its API.
/// </summary>
public static partial class MemberActions
{
    /// <summary>
    /// Creates a group owned by <paramref name="owner"/> with <paramref name="members"/> as plain members, and returns its
    /// slug. <paramref name="organizationId"/> with <paramref name="isInternal"/> makes it internal to that organisation.
    /// </summary>
    public static async Task<string> CreateGroupInStoreAsync(this EntregentFactory app, Member owner, GroupKind kind,
        IEnumerable<Member>? members = null, bool postsNeedApproval = false, long? organizationId = null, bool isInternal = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(owner);
        var ownerId = await app.MemberIdAsync(owner, cancellationToken);
        var memberIds = new List<long>();
        foreach (var member in members ?? [])
        {
            memberIds.Add(await app.MemberIdAsync(member, cancellationToken));
        }
        var slug = "group-" + Guid.NewGuid().ToString("N")[..10];
        var now = app.Time.GetUtcNow();
        await app.InStoreAsync(async db =>
        {
            var group = new Group
            {
                Name = "Group " + slug[6..],
                Slug = slug,
                Kind = kind,
                JoinPolicy = kind == GroupKind.Public ? GroupJoinPolicy.Open : GroupJoinPolicy.Approval,
                PostsNeedApproval = postsNeedApproval,
                OrganizationId = organizationId,
                IsInternal = isInternal,
                CreatedById = ownerId,
                CreatedAt = now,
                UpdatedAt = now,
                MemberCount = 1 + memberIds.Count,
            };
            db.Groups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = group.Id, MemberId = ownerId, Role = GroupRole.Owner, State = GroupMembershipState.Member, CreatedAt = now, JoinedAt = now,
            });
            db.GroupMemberships.AddRange(memberIds.Select(id => new GroupMembership
            {
                GroupId = group.Id, MemberId = id, Role = GroupRole.Member, State = GroupMembershipState.Member, CreatedAt = now, JoinedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            return group.Id;
        });
        return slug;
    }

    /// <summary>Marks <paramref name="member"/> as a verified member of the organisation, straight in the store.</summary>
    public static async Task VerifyInStoreAsync(this EntregentFactory app, Member member, long organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var memberId = await app.MemberIdAsync(member, cancellationToken);
        var now = app.Time.GetUtcNow();
        await app.InStoreAsync(async db =>
        {
            db.OrganizationVerifications.Add(new OrganizationVerification
            {
                OrganizationId = organizationId, MemberId = memberId, Method = VerificationMethod.Approval, VerifiedAt = now,
            });
            return await db.SaveChangesAsync(cancellationToken);
        });
    }
}
