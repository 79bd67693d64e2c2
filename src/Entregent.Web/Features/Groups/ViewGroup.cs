using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>A group as its page shows it to one viewer, with what that viewer may do there.</summary>
public sealed record GroupView(
    long Id,
    string Slug,
    string Name,
    string? DescriptionHtml,
    string? RulesHtml,
    GroupKind Kind,
    GroupJoinPolicy JoinPolicy,
    bool PostsNeedApproval,
    bool IsInternal,
    string? OrganizationName,
    string? OrganizationSlug,
    int MemberCount,
    GroupRole? MyRole,
    GroupMembershipState? MyState,
    bool CanReadPosts,
    bool CanPost,
    bool CanModerate,
    bool CanManage,
    DateTimeOffset CreatedAt,
    int PendingRequestCount);

public static class ViewGroup
{
    /// <summary>The group at <paramref name="slug"/>, or 404 when it does not exist or the viewer may not know it exists.</summary>
    public static async Task<Outcome<GroupView>> ExecuteAsync(EntregentDb db, MarkdownRenderer markdown, long viewerId, string slug,
        CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, viewerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var (group, viewer) = found.Value!;
        var organization = group.OrganizationId is { } organizationId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.Slug })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var facts = GroupFacts.Of(group);
        var membership = viewer.MembershipIn(group.Id);
        var canModerate = GroupAccess.CanModerate(facts, viewer);
        // The managers' tab shows how many requests wait; nobody else learns it.
        var pending = canModerate ? await ListMembers.PendingRequestCountAsync(db, viewerId, group.Id, cancellationToken) : 0;
        return new GroupView(group.Id, group.Slug, group.Name,
            group.Description is null ? null : markdown.ToSafeHtml(group.Description),
            group.Rules is null ? null : markdown.ToSafeHtml(group.Rules),
            group.Kind, group.JoinPolicy, group.PostsNeedApproval, group.IsInternal, organization?.Name, organization?.Slug,
            group.MemberCount, membership?.Role, membership?.State,
            GroupAccess.CanReadPosts(facts, viewer), GroupAccess.CanPost(facts, viewer), canModerate,
            GroupAccess.CanManage(facts, viewer), group.CreatedAt, pending);
    }
}
