using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>
/// The visibility table for the search surface (issue 6): audience × relation for posts, kind × relation for groups.
/// Visibility is decided per match before counting, so an invisible post or group is in neither the items nor the total.
/// </summary>
public class CommunitySearchVisibilityTests(EntregentFactory app) : IntegrationTest(app)
{
    public enum PostCase
    {
        PublicStranger,
        PublicAuthorThemselves,
        PublicBlockedByViewer,
        PublicBlockedTheViewer,
        PublicAuthorWithinThreeDegreesStranger,
        ConnectionsConnection,
        ConnectionsStranger,
        ConnectionsAuthorThemselves,
        PublicGroupNonMember,
        PublicGroupBanned,
        PrivateGroupMember,
        PrivateGroupNonMember,
        PrivateGroupRequested,
        UnlistedGroupMember,
        UnlistedGroupNonMember,
        InternalGroupVerifiedMember,
        InternalGroupUnverifiedMember,
        PendingInGroupMember,
        PendingInGroupAuthor,
        RemovedInGroupMember,
    }

    [Theory]
    [InlineData(PostCase.PublicStranger, true)]
    [InlineData(PostCase.PublicAuthorThemselves, true)]
    [InlineData(PostCase.PublicBlockedByViewer, false)]
    [InlineData(PostCase.PublicBlockedTheViewer, false)]
    [InlineData(PostCase.PublicAuthorWithinThreeDegreesStranger, false)]
    [InlineData(PostCase.ConnectionsConnection, true)]
    [InlineData(PostCase.ConnectionsStranger, false)]
    [InlineData(PostCase.ConnectionsAuthorThemselves, true)]
    [InlineData(PostCase.PublicGroupNonMember, true)]
    [InlineData(PostCase.PublicGroupBanned, false)]
    [InlineData(PostCase.PrivateGroupMember, true)]
    [InlineData(PostCase.PrivateGroupNonMember, false)]
    [InlineData(PostCase.PrivateGroupRequested, false)]
    [InlineData(PostCase.UnlistedGroupMember, true)]
    [InlineData(PostCase.UnlistedGroupNonMember, false)]
    [InlineData(PostCase.InternalGroupVerifiedMember, true)]
    [InlineData(PostCase.InternalGroupUnverifiedMember, false)]
    [InlineData(PostCase.PendingInGroupMember, false)]
    [InlineData(PostCase.PendingInGroupAuthor, false)]
    [InlineData(PostCase.RemovedInGroupMember, false)]
    public async Task Posts_FoundAndCountedOnlyWhenReadable(PostCase rule, bool found)
    {
        var tag = "Vis" + Guid.NewGuid().ToString("N")[..8];
        var author = await RegisterMemberAsync("Author " + tag);
        var other = await RegisterMemberAsync("Viewer " + tag);
        var viewer = rule is PostCase.PublicAuthorThemselves or PostCase.ConnectionsAuthorThemselves or PostCase.PendingInGroupAuthor ? author : other;
        var audience = PostAudience.Public;
        string? group = null;
        var state = PostState.Published;
        switch (rule)
        {
            case PostCase.PublicBlockedByViewer:
                await viewer.BlockAsync(author, Cancellation);
                break;
            case PostCase.PublicBlockedTheViewer:
                await author.BlockAsync(viewer, Cancellation);
                break;
            case PostCase.PublicAuthorWithinThreeDegreesStranger:
                await author.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation);
                break;
            case PostCase.ConnectionsConnection:
                await ConnectAsync(author, viewer);
                audience = PostAudience.Connections;
                break;
            case PostCase.ConnectionsStranger or PostCase.ConnectionsAuthorThemselves:
                audience = PostAudience.Connections;
                break;
            case PostCase.PublicGroupNonMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Public, cancellationToken: Cancellation);
                break;
            case PostCase.PublicGroupBanned:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Public, cancellationToken: Cancellation);
                await App.SetGroupStateInStoreAsync(group, viewer, GroupMembershipState.Banned, Cancellation);
                break;
            case PostCase.PrivateGroupMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Private, [viewer], cancellationToken: Cancellation);
                break;
            case PostCase.PrivateGroupNonMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Private, cancellationToken: Cancellation);
                break;
            case PostCase.PrivateGroupRequested:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Private, cancellationToken: Cancellation);
                await App.SetGroupStateInStoreAsync(group, viewer, GroupMembershipState.Requested, Cancellation);
                break;
            case PostCase.UnlistedGroupMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Unlisted, [viewer], cancellationToken: Cancellation);
                break;
            case PostCase.UnlistedGroupNonMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Unlisted, cancellationToken: Cancellation);
                break;
            case PostCase.InternalGroupVerifiedMember or PostCase.InternalGroupUnverifiedMember:
                var company = "Company " + tag;
                await author.AddPositionAsync(company, "Lead", App.MonthsAgo(12), cancellationToken: Cancellation);
                var organization = await App.OrganizationIdAsync(company);
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Public, [viewer], organizationId: organization, isInternal: true,
                    cancellationToken: Cancellation);
                await App.VerifyInStoreAsync(author, organization, Cancellation);
                if (rule == PostCase.InternalGroupVerifiedMember)
                {
                    await App.VerifyInStoreAsync(viewer, organization, Cancellation);
                }
                break;
            case PostCase.PendingInGroupMember or PostCase.PendingInGroupAuthor:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Public, [other], postsNeedApproval: true, cancellationToken: Cancellation);
                state = PostState.Pending;
                break;
            case PostCase.RemovedInGroupMember:
                group = await App.CreateGroupInStoreAsync(author, GroupKind.Public, [other], cancellationToken: Cancellation);
                state = PostState.Removed;
                break;
        }
        var id = await App.CreatePostInStoreAsync(author, "Quarterly outlook " + tag, audience, group, state, Cancellation);
        // A second, plainly public post by someone else: counted for everyone, so a count that leaked would show.
        var bystander = await RegisterMemberAsync("Bystander " + tag);
        var visible = await App.CreatePostInStoreAsync(bystander, "Quarterly outlook " + tag, cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        var result = await viewer.SearchPostsAsync($"q=outlook+{tag}", Cancellation);

        Assert.Equal(found, result.FoundPostIds().Contains(id));
        Assert.Contains(visible, result.FoundPostIds());
        Assert.Equal(found ? 2 : 1, result.GetProperty("total").GetInt32());
    }

    public enum GroupCase
    {
        PublicOutsider,
        PrivateOutsider,
        PublicBanned,
        UnlistedOutsider,
        UnlistedMember,
        UnlistedInvited,
        UnlistedRequested,
        InternalUnverifiedMember,
        InternalVerified,
    }

    [Theory]
    [InlineData(GroupCase.PublicOutsider, true)]
    [InlineData(GroupCase.PrivateOutsider, true)]
    [InlineData(GroupCase.PublicBanned, true)]
    [InlineData(GroupCase.UnlistedOutsider, false)]
    [InlineData(GroupCase.UnlistedMember, true)]
    [InlineData(GroupCase.UnlistedInvited, true)]
    [InlineData(GroupCase.UnlistedRequested, false)]
    [InlineData(GroupCase.InternalUnverifiedMember, false)]
    [InlineData(GroupCase.InternalVerified, true)]
    public async Task Groups_NeverRevealedToThoseWhoMayNotKnowThem(GroupCase rule, bool found)
    {
        var tag = "Gv" + Guid.NewGuid().ToString("N")[..8];
        var owner = await RegisterMemberAsync("Owner " + tag);
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        string slug;
        switch (rule)
        {
            case GroupCase.PublicOutsider:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Public, cancellationToken: Cancellation);
                break;
            case GroupCase.PrivateOutsider:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Private, cancellationToken: Cancellation);
                break;
            case GroupCase.PublicBanned:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Public, cancellationToken: Cancellation);
                await App.SetGroupStateInStoreAsync(slug, viewer, GroupMembershipState.Banned, Cancellation);
                break;
            case GroupCase.UnlistedOutsider:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Unlisted, cancellationToken: Cancellation);
                break;
            case GroupCase.UnlistedMember:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Unlisted, [viewer], cancellationToken: Cancellation);
                break;
            case GroupCase.UnlistedInvited:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Unlisted, cancellationToken: Cancellation);
                await App.SetGroupStateInStoreAsync(slug, viewer, GroupMembershipState.Invited, Cancellation);
                break;
            case GroupCase.UnlistedRequested:
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Unlisted, cancellationToken: Cancellation);
                await App.SetGroupStateInStoreAsync(slug, viewer, GroupMembershipState.Requested, Cancellation);
                break;
            default:
                var company = "Company " + tag;
                await owner.AddPositionAsync(company, "Lead", App.MonthsAgo(12), cancellationToken: Cancellation);
                var organization = await App.OrganizationIdAsync(company);
                slug = await App.CreateGroupInStoreAsync(owner, GroupKind.Public, [viewer], organizationId: organization, isInternal: true,
                    cancellationToken: Cancellation);
                if (rule == GroupCase.InternalVerified)
                {
                    await App.VerifyInStoreAsync(viewer, organization, Cancellation);
                }
                break;
        }
        await App.DescribeGroupInStoreAsync(slug, "Circle " + tag, "Monthly meetings");
        var open = await App.CreateGroupInStoreAsync(owner, GroupKind.Public, cancellationToken: Cancellation);
        await App.DescribeGroupInStoreAsync(open, "Open circle " + tag);
        await WaitForNetworkAsync();

        var result = await viewer.SearchGroupsAsync($"q=circle+{tag}", Cancellation);

        Assert.Equal(found, result.FoundGroupSlugs().Contains(slug));
        Assert.Contains(open, result.FoundGroupSlugs());
        Assert.Equal(found ? 2 : 1, result.GetProperty("total").GetInt32());
    }
}
