using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>
/// Create a group; its creator becomes its first owner. The address (slug) comes from the name, with a number added when
/// taken. A group tied to an organisation, internal or not, can only be created by a member verified there: the link
/// says "this is Acme's group", which nobody else may claim.
/// </summary>
public static class CreateGroup
{
    /// <summary>Addresses the group pages already use under /groups.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "new" };

    /// <param name="Name">Required, one line, at most 100 characters, no markup.</param>
    /// <param name="Description">Markdown, at most 2,000 characters.</param>
    /// <param name="Rules">Markdown, at most 4,000 characters.</param>
    /// <param name="Kind">public (default), private or unlisted.</param>
    /// <param name="JoinPolicy">For public groups: open (default) or approval. Private groups always ask approval; unlisted ones are joined by invitation.</param>
    /// <param name="PostsNeedApproval">Members' posts wait for a manager.</param>
    /// <param name="Organization">The slug of the organisation the group belongs to (you must be verified there).</param>
    /// <param name="IsInternal">Visible only to the organisation's verified members (needs <paramref name="Organization"/>).</param>
    public sealed record Request(string? Name, string? Description = null, string? Rules = null, GroupKind? Kind = null,
        GroupJoinPolicy? JoinPolicy = null, bool PostsNeedApproval = false, string? Organization = null, bool IsInternal = false);

    public static async Task<Outcome<GroupView>> ExecuteAsync(EntregentDb db, MarkdownRenderer markdown, TimeProvider time, long creatorId,
        Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var fields = GroupFields.Validate(errors, request.Name, request.Description, request.Rules, request.Kind ?? GroupKind.Public,
            request.JoinPolicy, required: true);
        var organization = await GroupFields.OrganizationAsync(db, errors, creatorId, request.Organization, request.IsInternal, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var group = new Group
            {
                Name = fields.Name!,
                Slug = await FreeSlugAsync(db, fields.Name!, cancellationToken),
                Description = fields.Description,
                Rules = fields.Rules,
                Kind = fields.Kind,
                JoinPolicy = fields.JoinPolicy,
                PostsNeedApproval = request.PostsNeedApproval,
                OrganizationId = organization,
                IsInternal = organization is not null && request.IsInternal,
                CreatedById = creatorId,
                CreatedAt = now,
                UpdatedAt = now,
                MemberCount = 1,
            };
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                try
                {
                    db.Groups.Add(group);
                    await db.SaveChangesAsync(cancellationToken);
                    db.GroupMemberships.Add(new GroupMembership
                    {
                        GroupId = group.Id, MemberId = creatorId, Role = GroupRole.Owner, State = GroupMembershipState.Member,
                        CreatedAt = now, JoinedAt = now,
                    });
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another group took the same address a moment ago: roll back and take the next free one.
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    continue;
                }
            }
            return await ViewGroup.ExecuteAsync(db, markdown, creatorId, group.Slug, cancellationToken);
        }
    }

    /// <summary>The name's slug, or the slug followed by -2, -3… when taken.</summary>
    public static async Task<string> FreeSlugAsync(EntregentDb db, string name, CancellationToken cancellationToken)
    {
        var stem = TextKeys.Slug(name, Group.SlugMaxLength - 6);
        if (stem.Length == 0 || Reserved.Contains(stem))
        {
            stem = stem.Length == 0 ? "group" : stem + "-group";
        }
        var taken = (await db.Groups.Where(g => g.Slug == stem || g.Slug.StartsWith(stem + "-")).Select(g => g.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem))
        {
            return stem;
        }
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}

/// <summary>The checks creating and editing a group share, so both say the same thing about the same input.</summary>
public static class GroupFields
{
    public sealed record Values(string? Name, string? Description, string? Rules, GroupKind Kind, GroupJoinPolicy JoinPolicy);

    /// <summary>
    /// Validates the text fields and the kind; the join policy follows the kind (only a public group may be open).
    /// Null text fields are left as null (for an edit: unchanged).
    /// </summary>
    public static Values Validate(FieldErrors errors, string? name, string? description, string? rules, GroupKind kind, GroupJoinPolicy? joinPolicy,
        bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var cleanName = required || name is not null ? errors.Line("name", name, Group.NameMaxLength, required: true) : null;
        if (cleanName is not null && !cleanName.Any(char.IsLetterOrDigit))
        {
            errors.Add("name", "A group name needs at least one letter or digit.");
        }
        var cleanDescription = errors.Text("description", description, Group.DescriptionMaxLength);
        var cleanRules = errors.Text("rules", rules, Group.RulesMaxLength);
        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", "Use public, private or unlisted.");
        }
        if (joinPolicy is { } policy && !Enum.IsDefined(policy))
        {
            errors.Add("joinPolicy", "Use open or approval.");
        }
        else if (joinPolicy == GroupJoinPolicy.Open && kind != GroupKind.Public)
        {
            errors.Add("joinPolicy", "Only a public group can be open to all; private groups ask approval and unlisted ones are joined by invitation.");
        }
        var effective = kind == GroupKind.Public ? joinPolicy ?? GroupJoinPolicy.Open : GroupJoinPolicy.Approval;
        return new Values(cleanName, cleanDescription, cleanRules, kind, effective);
    }

    /// <summary>
    /// The id of the organisation named by <paramref name="slug"/> when the member is verified there; null for none.
    /// An internal group needs one.
    /// </summary>
    public static async Task<long?> OrganizationAsync(EntregentDb db, FieldErrors errors, long memberId, string? slug, bool isInternal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(slug))
        {
            if (isInternal)
            {
                errors.Add("organization", "An internal group belongs to an organisation: give its address.");
            }
            return null;
        }
        var id = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        if (id is null)
        {
            errors.Add("organization", $"No organisation has the address '{slug}'.");
            return null;
        }
        if (!await db.OrganizationVerifications.AnyAsync(v => v.OrganizationId == id && v.MemberId == memberId, cancellationToken))
        {
            errors.Add("organization", "Only members verified at this organisation can create its groups. Ask to be verified on the organisation's page.");
            return null;
        }
        return id;
    }
}
