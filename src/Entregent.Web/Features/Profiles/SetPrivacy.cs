using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>
/// A member's network privacy: whether others see their connection list, who may open their profile, and whether search
/// finds them at all.
/// </summary>
public static class SetPrivacy
{
    /// <summary>The change-feed kind recorded, besides <c>profile.updated</c>, when a member's reach changes.</summary>
    public const string ReachChanged = "profile.reach";

    public sealed record Settings(bool HideConnections, ProfileReach Reach, bool OptedOutOfDirectory);

    public sealed record Request(bool? HideConnections = null, ProfileReach? Reach = null, bool? OptedOutOfDirectory = null);

    public static async Task<Outcome<Settings>> GetAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => new Settings(p.HideConnections, p.Reach, p.OptedOutOfDirectory))
            .FirstOrDefaultAsync(cancellationToken) is { } settings ? settings : Failure.NotFound("Your profile does not exist.");

    /// <remarks>The graph picks the change up from the feed; callers over HTTP wait for it through ReadYourWrites.</remarks>
    public static async Task<Outcome<Settings>> ExecuteAsync(EntregentDb db, long memberId, Request request,
        CancellationToken cancellationToken)
    {
        if (request.Reach is { } reach && !Enum.IsDefined(reach))
        {
            return Failure.Invalid("reach", "Use everyone, withinThreeDegrees or colleagues.");
        }
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile is null)
        {
            return Failure.NotFound("Your profile does not exist.");
        }
        if (request.Reach is { } newReach && newReach != profile.Reach)
        {
            // Posts carry their author's reach in the search index: this, not every profile edit, re-writes them.
            db.RecordChange(new FeedEntry(ReachChanged, memberId, memberId));
        }
        profile.HideConnections = request.HideConnections ?? profile.HideConnections;
        profile.Reach = request.Reach ?? profile.Reach;
        profile.OptedOutOfDirectory = request.OptedOutOfDirectory ?? profile.OptedOutOfDirectory;
        if (db.ChangeTracker.HasChanges())
        {
            profile.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Settings(profile.HideConnections, profile.Reach, profile.OptedOutOfDirectory);
    }
}
