using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Groups;

/// <summary>Who can find a group and how one gets in.</summary>
public enum GroupKind
{
    /// <summary>Found by anyone allowed to see it; posts readable by them; joined at once or on request (<see cref="Group.JoinPolicy"/>).</summary>
    Public = 0,

    /// <summary>Found by anyone allowed to see it (name, description, rules, member count); posts for members only; joined on approval.</summary>
    Private = 1,

    /// <summary>Never listed nor found; only members and invited members know it exists. Joined by invitation only.</summary>
    Unlisted = 2,
}

public enum GroupJoinPolicy
{
    /// <summary>Anyone who may see the group joins at once (public groups only).</summary>
    Open = 0,

    /// <summary>A manager approves each request.</summary>
    Approval = 1,
}

/// <summary>
/// A group: a space with its own members, rules and posts. A group may belong to an organisation; an internal
/// group is visible only to the organisation's verified members (<see cref="Organizations.OrganizationVerification"/>).
/// </summary>
public sealed class Group : IFeedEntity
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 80;
    public const int DescriptionMaxLength = 2000;
    public const int RulesMaxLength = 4000;

    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Unique; the group's address (/groups/{slug}).</summary>
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public string? Rules { get; set; }
    public GroupKind Kind { get; set; }
    public GroupJoinPolicy JoinPolicy { get; set; }

    /// <summary>When set, members' posts wait in a moderation queue until a manager approves them.</summary>
    public bool PostsNeedApproval { get; set; }

    public long? OrganizationId { get; set; }

    /// <summary>Visible only to the verified members of <see cref="OrganizationId"/> (which must be set).</summary>
    public bool IsInternal { get; set; }

    public long CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Members in <see cref="GroupMembershipState.Member"/> state, kept with each membership change.</summary>
    public int MemberCount { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("group", state), Id, RelatedId: OrganizationId);
}

public enum GroupRole
{
    Member = 0,
    Manager = 1,
    Owner = 2,
}

public enum GroupMembershipState
{
    Member = 0,

    /// <summary>Asked to join; waits for a manager.</summary>
    Requested = 1,

    /// <summary>Invited by a member; waits for the invited member.</summary>
    Invited = 2,

    /// <summary>Removed and barred from coming back (or requesting, or being invited) until a manager lifts it.</summary>
    Banned = 3,
}

/// <summary>One member's relation to one group: at most one row per pair, whatever its state.</summary>
public sealed class GroupMembership : IFeedEntity
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public long MemberId { get; set; }
    public GroupRole Role { get; set; }
    public GroupMembershipState State { get; set; }
    public long? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the member became a member (joined, approved or accepted the invitation).</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("groupmember", state), Id, MemberId, GroupId);
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups", table => table.HasCheckConstraint("CK_groups_internal_has_organization",
            "NOT \"IsInternal\" OR \"OrganizationId\" IS NOT NULL"));
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        builder.Property(g => g.Slug).HasMaxLength(Group.SlugMaxLength);
        builder.Property(g => g.Description).HasMaxLength(Group.DescriptionMaxLength);
        builder.Property(g => g.Rules).HasMaxLength(Group.RulesMaxLength);
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.HasIndex(g => g.OrganizationId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(g => g.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("group_memberships");
        builder.HasIndex(m => new { m.GroupId, m.MemberId }).IsUnique();
        // "My groups" and the feed's joined groups.
        builder.HasIndex(m => new { m.MemberId, m.State });
        // Pending requests and the member list by state.
        builder.HasIndex(m => new { m.GroupId, m.State, m.JoinedAt });
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(m => m.InvitedById).OnDelete(DeleteBehavior.SetNull);
    }
}
