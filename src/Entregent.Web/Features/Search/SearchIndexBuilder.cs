using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Search;

/// <summary>How far a rebuild has got: documents written out of the total to write.</summary>
public readonly record struct RebuildProgress(int Done, int Total);

/// <summary>
/// Writes the search index from the store: all of it (<see cref="RebuildAsync"/>, at first start or by <c>entregent reindex</c>),
/// or what a batch of change-feed rows names (<see cref="ApplyAsync"/>). Like the graph, it re-reads the current state of
/// what a change names rather than replaying the event, so applying a change twice is harmless.
/// </summary>
public static class SearchIndexBuilder
{
    private const int MemberBatch = 2000;

    public static async Task RebuildAsync(EntregentDb db, SearchIndex index, long sequence, TimeProvider time, IProgress<RebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        var currentMonth = Months.Current(time);
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
        var members = await db.Profiles.AsNoTracking().OrderBy(p => p.MemberId).Select(p => p.MemberId).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Select(g => g.Id).ToListAsync(cancellationToken);
        var posts = await db.Posts.AsNoTracking().Where(p => p.State == Posts.PostState.Published).OrderBy(p => p.Id).Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var total = organizations.Count + skills.Count + members.Count + groups.Count + posts.Count;
        var done = 0;
        index.Clear();
        foreach (var chunk in organizations.Chunk(MemberBatch))
        {
            await PutOrganizationsAsync(db, index, chunk, cancellationToken);
            progress?.Report(new RebuildProgress(done += chunk.Length, total));
        }
        foreach (var chunk in skills.Chunk(MemberBatch))
        {
            await PutSkillsAsync(db, index, chunk, cancellationToken);
            progress?.Report(new RebuildProgress(done += chunk.Length, total));
        }
        foreach (var chunk in members.Chunk(MemberBatch))
        {
            await PutMembersAsync(db, index, chunk, currentMonth, cancellationToken);
            progress?.Report(new RebuildProgress(done += chunk.Length, total));
        }
        foreach (var chunk in groups.Chunk(MemberBatch))
        {
            await PutGroupsAsync(db, index, chunk, cancellationToken);
            progress?.Report(new RebuildProgress(done += chunk.Length, total));
        }
        foreach (var chunk in posts.Chunk(MemberBatch))
        {
            await PutPostsAsync(db, index, chunk, cancellationToken);
            progress?.Report(new RebuildProgress(done += chunk.Length, total));
        }
        index.Publish(sequence, commit: true);
    }

    /// <summary>Brings the documents named by <paramref name="changes"/> up to date; the caller publishes.</summary>
    public static async Task ApplyAsync(EntregentDb db, SearchIndex index, IReadOnlyList<Change> changes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(changes);
        var members = new HashSet<long>();
        var organizations = new HashSet<long>();
        var skills = new HashSet<long>();
        var posts = new HashSet<long>();
        var groups = new HashSet<long>();
        // Posts carry copies of their author's reach and their group's kind: those changing re-writes the posts (a profile
        // edit that leaves the reach alone does not).
        var authors = new HashSet<long>();
        var groupsChanged = new HashSet<long>();
        foreach (var change in changes)
        {
            var noun = change.Kind.AsSpan(0, Math.Max(0, change.Kind.IndexOf('.', StringComparison.Ordinal)));
            switch (noun)
            {
                case "member" or "profile" or "position" or "education" or "skills" when change.MemberId is { } member:
                    members.Add(member);
                    break;
                case "organization":
                    organizations.Add(change.EntityId);
                    break;
                case "skill":
                    skills.Add(change.EntityId);
                    break;
                case "post":
                    posts.Add(change.EntityId);
                    break;
                case "group":
                    groups.Add(change.EntityId);
                    if (!change.Kind.EndsWith(".created", StringComparison.Ordinal))
                    {
                        groupsChanged.Add(change.EntityId);
                    }
                    break;
                case "groupmember" when change.RelatedId is { } group:
                    // The member count shown with a group found.
                    groups.Add(group);
                    break;
            }
            if (change.MemberId is { } author && change.Kind is Profiles.SetPrivacy.ReachChanged or "member.deleted")
            {
                authors.Add(author);
            }
        }
        if (organizations.Count > 0)
        {
            await PutOrganizationsAsync(db, index, organizations, cancellationToken);
            // A renamed organisation changes the text of everyone who works or studied there.
            var renamed = organizations.ToList();
            members.UnionWith(await db.Positions.AsNoTracking().Where(p => renamed.Contains(p.OrganizationId)).Select(p => p.MemberId)
                .Union(db.Education.AsNoTracking().Where(e => renamed.Contains(e.OrganizationId)).Select(e => e.MemberId))
                .ToListAsync(cancellationToken));
        }
        if (skills.Count > 0)
        {
            await PutSkillsAsync(db, index, skills, cancellationToken);
        }
        foreach (var chunk in members.Chunk(MemberBatch))
        {
            await PutMembersAsync(db, index, chunk, Months.Current(time), cancellationToken);
        }
        if (groups.Count > 0)
        {
            await PutGroupsAsync(db, index, groups, cancellationToken);
        }
        if (authors.Count > 0)
        {
            // Deleted members take their posts with them (a cascade the feed does not see); a new reach re-writes them.
            foreach (var author in authors)
            {
                index.DeleteAll(new Lucene.Net.Index.Term(Fields.AuthorTerm, Fields.IdTerm(author)));
            }
            var authorIds = authors.ToList();
            posts.UnionWith(await db.Posts.AsNoTracking().Where(p => authorIds.Contains(p.AuthorId) && p.State == Posts.PostState.Published)
                .Select(p => p.Id).ToListAsync(cancellationToken));
        }
        if (groupsChanged.Count > 0)
        {
            foreach (var group in groupsChanged)
            {
                index.DeleteAll(new Lucene.Net.Index.Term(Fields.GroupTerm, Fields.IdTerm(group)));
            }
            var groupIds = groupsChanged.ToList();
            posts.UnionWith(await db.Posts.AsNoTracking().Where(p => p.GroupId != null && groupIds.Contains(p.GroupId.Value) && p.State == Posts.PostState.Published)
                .Select(p => p.Id).ToListAsync(cancellationToken));
        }
        foreach (var chunk in posts.Chunk(MemberBatch))
        {
            await PutPostsAsync(db, index, chunk, cancellationToken);
        }
    }

    private static async Task PutPostsAsync(EntregentDb db, SearchIndex index, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var entries = await PostEntry.LoadAsync(db, ids, cancellationToken);
        foreach (var id in ids)
        {
            // Absent: deleted, pending or removed — not found by search.
            index.Put(Fields.PostKey(id), entries.TryGetValue(id, out var entry) ? entry.ToDocument() : null);
        }
    }

    private static async Task PutGroupsAsync(EntregentDb db, SearchIndex index, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var entries = await GroupEntry.LoadAsync(db, ids, cancellationToken);
        foreach (var id in ids)
        {
            index.Put(Fields.GroupKey(id), entries.TryGetValue(id, out var entry) ? entry.ToDocument() : null);
        }
    }

    private static async Task PutMembersAsync(EntregentDb db, SearchIndex index, IReadOnlyCollection<long> ids, DateOnly currentMonth,
        CancellationToken cancellationToken)
    {
        var entries = await MemberEntry.LoadAsync(db, ids, currentMonth, cancellationToken);
        foreach (var id in ids)
        {
            // Absent: deleted, or opted out of the directory — either way no longer found.
            index.Put(Fields.MemberKey(id), entries.TryGetValue(id, out var entry) ? entry.ToDocument() : null);
        }
    }

    private static async Task PutOrganizationsAsync(EntregentDb db, SearchIndex index, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        var rows = await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var aliases = (await db.OrganizationAliases.AsNoTracking().Where(a => list.Contains(a.OrganizationId))
            .Select(a => new { a.OrganizationId, a.MatchKey }).ToListAsync(cancellationToken)).ToLookup(a => a.OrganizationId, a => a.MatchKey);
        foreach (var id in ids)
        {
            index.Put(Fields.OrganizationKey(id), rows.TryGetValue(id, out var name) ? NamedEntries.Organization(id, name, aliases[id]) : null);
        }
    }

    private static async Task PutSkillsAsync(EntregentDb db, SearchIndex index, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        var rows = await db.Skills.AsNoTracking().Where(s => list.Contains(s.Id)).Select(s => new { s.Id, s.Name })
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        foreach (var id in ids)
        {
            index.Put(Fields.SkillKey(id), rows.TryGetValue(id, out var name) ? NamedEntries.Skill(id, name) : null);
        }
    }
}
