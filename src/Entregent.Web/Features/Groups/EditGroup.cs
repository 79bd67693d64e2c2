using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;

namespace Entregent.Web.Features.Groups;

/// <summary>
/// Owners change a group's name, description, rules, kind, join policy and moderation. Omitted fields stay; an empty
/// description or rules clears them. The address stays the same (links keep working). The organisation link is not
/// changed here: it decides who may see an internal group, so it is set once, at creation.
/// Two owners saving at once: the last save wins, field by field for the fields each sent (settings are few and
/// rarely edited together; a version check would cost a schema change for little).
/// </summary>
public static class EditGroup
{
    public sealed record Request(string? Name = null, string? Description = null, string? Rules = null, GroupKind? Kind = null,
        GroupJoinPolicy? JoinPolicy = null, bool? PostsNeedApproval = null);

    public static async Task<Outcome<GroupView>> ExecuteAsync(EntregentDb db, MarkdownRenderer markdown, TimeProvider time, long memberId,
        string slug, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken, tracked: true);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var context = found.Value!;
        if (!context.CanManage)
        {
            return Failure.Forbidden("Only the group's owners can change its settings.");
        }
        var group = context.Group;
        var kind = request.Kind ?? group.Kind;
        // Changing the kind without naming a policy: keep the current one where it still makes sense.
        var policy = request.JoinPolicy ?? (kind == GroupKind.Public && request.Kind is not null && group.Kind != GroupKind.Public
            ? GroupJoinPolicy.Approval : kind == GroupKind.Public ? group.JoinPolicy : (GroupJoinPolicy?)null);
        var errors = new FieldErrors();
        var values = GroupFields.Validate(errors, request.Name, request.Description, request.Rules, kind, policy, required: false);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (values.Name is not null)
        {
            group.Name = values.Name;
        }
        if (request.Description is not null)
        {
            group.Description = values.Description;
        }
        if (request.Rules is not null)
        {
            group.Rules = values.Rules;
        }
        group.Kind = values.Kind;
        group.JoinPolicy = values.JoinPolicy;
        if (request.PostsNeedApproval is { } approval)
        {
            group.PostsNeedApproval = approval;
        }
        group.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ViewGroup.ExecuteAsync(db, markdown, memberId, group.Slug, cancellationToken);
    }
}
