using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Data;

/// <summary>
/// An entity whose changes the indexes follow. Each one says, next to its own definition, how a change to it
/// reads in the feed; <see cref="EntregentDb"/> appends the rows in the same transaction.
/// </summary>
public interface IFeedEntity
{
    /// <summary>The feed entry for this entity having been <paramref name="state"/>, or null when the indexes do not care.</summary>
    FeedEntry? Describe(EntityState state);
}

/// <summary>What a <see cref="Change"/> row will say; keys are read after the save, so generated ids are real.</summary>
public readonly record struct FeedEntry(string Kind, long EntityId, long? MemberId = null, long? RelatedId = null)
{
    /// <summary>"noun.created", "noun.updated" or "noun.deleted" for an entity state.</summary>
    public static string Verb(string noun, EntityState state) => state switch
    {
        EntityState.Added => noun + ".created",
        EntityState.Deleted => noun + ".deleted",
        _ => noun + ".updated",
    };
}
