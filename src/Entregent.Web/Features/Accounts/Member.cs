using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Accounts;

/// <summary>
/// An account: sign-in identity, e-mail, password, lockout. What others see of the person lives in
/// <see cref="Profile"/>, so Identity's bookkeeping (security stamps, failure counts) never touches the profile
/// or the change feed.
/// </summary>
public sealed class Member : IdentityUser<long>, IFeedEntity
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Instance administrator: the first account registered, or promoted by another administrator.</summary>
    public bool IsAdministrator { get; set; }

    public Profile? Profile { get; set; }

    /// <summary>
    /// An account created in bulk without <c>UserManager</c> (demo seed, imports): confirmed, with the normalised
    /// names and stamps Identity would have set, lockout on as for registered members; no password unless a hash is given.
    /// </summary>
    public static Member Provisioned(string email, DateTimeOffset createdAt, string? passwordHash = null) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        LockoutEnabled = true,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        CreatedAt = createdAt,
    };

    // Identity updates accounts for its own bookkeeping (failure counts, stamps); only creation and
    // deletion matter to the indexes.
    public FeedEntry? Describe(EntityState state) =>
        state == EntityState.Modified ? null : new FeedEntry(FeedEntry.Verb("member", state), Id, Id);
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        // Identity checks e-mail uniqueness before inserting; the index closes the race between two sign-ups.
        builder.HasIndex(m => m.NormalizedEmail).IsUnique().HasDatabaseName("IX_members_NormalizedEmail");
        builder.HasOne(m => m.Profile).WithOne(p => p.Member).HasForeignKey<Profile>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
