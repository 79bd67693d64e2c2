using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Asks;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Endorsements;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Features.Watches;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entregent.Web.Data;

/// <summary>
/// The store of record. Every save that touches an <see cref="IFeedEntity"/> also appends <see cref="Change"/>
/// rows in the same transaction: the change feed and the data can never disagree.
/// </summary>
/// <remarks>
/// Pooled (see <see cref="StoreSetup"/>): a context is reused across requests, so it takes only its options and
/// finds the clock and the notifier, both singletons, in the application's services when it saves.
/// </remarks>
public sealed class EntregentDb(DbContextOptions<EntregentDb> options)
    : IdentityDbContext<Member, IdentityRole<long>, long>(options)
{
    // Any constant works; it only has to be the same for every writer of the changes table.
    private const long FeedLockKey = 0x656e7472656774;

    private readonly List<FeedEntry> _explicitEntries = [];
    private readonly List<Change> _committedWithTransaction = [];

    public DbSet<Change> Changes => Set<Change>();

    /// <summary>
    /// The highest change-feed sequence this context has committed, 0 if none: a writer waits for the indexes to
    /// reach it before answering, so a member always reads their own writes.
    /// </summary>
    public long LastCommittedSequence { get; private set; }
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Education> Education => Set<Education>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<MemberSkill> MemberSkills => Set<MemberSkill>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationAlias> OrganizationAliases => Set<OrganizationAlias>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<SuggestionDismissal> SuggestionDismissals => Set<SuggestionDismissal>();
    public DbSet<ImportedAttributes> ImportedAttributes => Set<ImportedAttributes>();
    public DbSet<ExternalKey> ExternalKeys => Set<ExternalKey>();
    public DbSet<Endorsement> Endorsements => Set<Endorsement>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Introduction> Introductions => Set<Introduction>();
    public DbSet<Ask> Asks => Set<Ask>();
    public DbSet<AskRequest> AskRequests => Set<AskRequest>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationParticipant> ConversationParticipants => Set<ConversationParticipant>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Correspondence> Correspondence => Set<Correspondence>();
    public DbSet<OrganizationVerification> OrganizationVerifications => Set<OrganizationVerification>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<PostHashtag> PostHashtags => Set<PostHashtag>();
    public DbSet<PostMention> PostMentions => Set<PostMention>();
    public DbSet<HashtagFollow> HashtagFollows => Set<HashtagFollow>();
    public DbSet<ImportedContent> ImportedContent => Set<ImportedContent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<Watch> Watches => Set<Watch>();
    public DbSet<DetailsFlag> DetailsFlags => Set<DetailsFlag>();

    /// <summary>
    /// Queues a feed row for the next save, for changes made with ExecuteUpdate/ExecuteDelete that the change
    /// tracker never sees. Call it, then <see cref="SaveChangesAsync(bool, CancellationToken)"/> inside the same transaction.
    /// </summary>
    public void RecordChange(FeedEntry entry) => _explicitEntries.Add(entry);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the change feed is written asynchronously in the same transaction.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var touched = ChangeTracker.Entries()
            .Where(e => e.Entity is IFeedEntity && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entity: (IFeedEntity)e.Entity, e.State))
            .ToList();
        if (touched.Count == 0 && _explicitEntries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var rows = new List<Change>();
        try
        {
            // Generated keys exist only after this first save; the feed rows need them.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            var now = ApplicationService<TimeProvider>().GetUtcNow();
            var entries = touched.Select(t => t.Entity.Describe(t.State)).OfType<FeedEntry>()
                .Concat(_explicitEntries)
                .Distinct();
            rows.AddRange(entries.Select(e => new Change
            {
                Kind = e.Kind,
                EntityId = e.EntityId,
                MemberId = e.MemberId,
                RelatedId = e.RelatedId,
                OccurredAt = now,
            }));
            if (rows.Count > 0)
            {
                await LockFeedAsync(cancellationToken);
                Changes.AddRange(rows);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                NoteCommitted(rows);
                ApplicationService<ChangeNotifier>().Notify(rows);
            }
            else
            {
                // The caller's transaction may still roll back: tell the process only once it commits.
                _committedWithTransaction.AddRange(rows);
            }
            return written;
        }
        catch
        {
            foreach (var row in rows)
            {
                Entry(row).State = EntityState.Detached;
            }
            throw;
        }
        finally
        {
            // Pooled contexts outlive the request: queued entries must never leak into the next one's save.
            _explicitEntries.Clear();
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Called by <see cref="FeedTransactionInterceptor"/> when the caller's own transaction commits.</summary>
    internal void OnTransactionCommitted()
    {
        if (_committedWithTransaction.Count > 0)
        {
            var rows = _committedWithTransaction.ToList();
            _committedWithTransaction.Clear();
            NoteCommitted(rows);
            ApplicationService<ChangeNotifier>().Notify(rows);
        }
    }

    private void NoteCommitted(List<Change> rows)
    {
        if (rows.Count > 0)
        {
            LastCommittedSequence = Math.Max(LastCommittedSequence, rows.Max(r => r.Sequence));
        }
    }

    /// <summary>Called when a transaction starts or rolls back: rows of a transaction that never committed are void.</summary>
    internal void OnTransactionAbandoned() => _committedWithTransaction.Clear();

    private T ApplicationService<T>() where T : notnull =>
        (this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("EntregentDb is used outside the application's services."))
        .GetRequiredService<T>();

    /// <summary>
    /// PostgreSQL hands out sequence numbers at insert, not at commit, so without this a reader could see 12
    /// before 11 commits and skip 11 for ever. Serialising the feed append up to commit makes sequence order
    /// commit order. SQLite already allows one writer at a time.
    /// </summary>
    private async Task LockFeedAsync(CancellationToken cancellationToken)
    {
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FeedLockKey})", cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EntregentDb).Assembly);
        builder.Entity<IdentityRole<long>>().ToTable("roles");
        builder.Entity<IdentityUserRole<long>>().ToTable("member_roles");
        builder.Entity<IdentityUserClaim<long>>().ToTable("member_claims");
        builder.Entity<IdentityUserLogin<long>>().ToTable("member_logins");
        builder.Entity<IdentityUserToken<long>>().ToTable("member_tokens");
        builder.Entity<IdentityRoleClaim<long>>().ToTable("role_claims");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date-time type; as text, DateTimeOffset cannot be ordered or compared in SQL.
            // Unix milliseconds sort correctly and stay readable enough.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
    }
}
