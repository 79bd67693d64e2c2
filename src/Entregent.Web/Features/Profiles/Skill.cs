using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>A skill shared by every member who lists it; "Gestion de projet" and "gestion de projét" are one.</summary>
public sealed class Skill : IFeedEntity
{
    public const int NameMaxLength = 80;

    public long Id { get; set; }

    /// <summary>The spelling of the first member who listed it.</summary>
    public required string Name { get; set; }

    /// <summary>Folded name (case and accents removed), unique: what makes two spellings one skill.</summary>
    public required string Key { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("skill", state), Id);

    /// <summary>
    /// The folded key, with '#' and '+' spelled out first: folding alone drops them, and "C", "C#" and "C++" are
    /// three skills ("C#" and "c sharp" stay one).
    /// </summary>
    public static string KeyFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TextKeys.Fold(name.Replace("#", " sharp ", StringComparison.Ordinal).Replace("+", " plus ", StringComparison.Ordinal));
    }
}

/// <summary>A member lists a skill, in the order they chose.</summary>
public sealed class MemberSkill : IFeedEntity
{
    public long MemberId { get; set; }
    public long SkillId { get; set; }
    public Skill? Skill { get; set; }
    public int Rank { get; set; }

    // One row per member however many skills changed: the feed entries are de-duplicated per save.
    public FeedEntry? Describe(EntityState state) => new("skills.updated", MemberId, MemberId);
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.ToTable("skills");
        builder.Property(s => s.Name).HasMaxLength(Skill.NameMaxLength);
        builder.Property(s => s.Key).HasMaxLength(Skill.NameMaxLength);
        builder.HasIndex(s => s.Key).IsUnique();
    }
}

internal sealed class MemberSkillConfiguration : IEntityTypeConfiguration<MemberSkill>
{
    public void Configure(EntityTypeBuilder<MemberSkill> builder)
    {
        builder.ToTable("member_skills");
        builder.HasKey(s => new { s.MemberId, s.SkillId });
        builder.HasOne(s => s.Skill).WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Cascade);
        // "Members with this skill" for reach queries and search filters.
        builder.HasIndex(s => s.SkillId);
    }
}
