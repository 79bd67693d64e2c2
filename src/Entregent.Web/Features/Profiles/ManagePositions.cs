using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>Add, change and remove one's own dated positions. An unknown organisation name creates the organisation.</summary>
public static class ManagePositions
{
    public const int MaxPositions = 100;

    /// <param name="Organization">The organisation's name as the member types it ("Acme SAS" finds "ACME").</param>
    /// <param name="StartMonth">"2019-03".</param>
    /// <param name="EndMonth">"2021-06", or null/absent while the position is current.</param>
    /// <param name="ShareAsNews">"Tell my connections": a current position shared so is announced to them once, and so are its yearly
    /// anniversaries. Default false when adding; absent keeps the current choice when replacing.</param>
    public sealed record Request(string? Organization, string? Title, string? Location, string? Description, string? StartMonth, string? EndMonth,
        bool? ShareAsNews = null);

    public static Task<Outcome<PositionView>> AddAsync(EntregentDb db, NetworkGraph network, long memberId, Request request, TimeProvider time,
        CancellationToken cancellationToken) =>
        SaveAsync(db, network, memberId, null, request, time, cancellationToken);

    public static Task<Outcome<PositionView>> UpdateAsync(EntregentDb db, NetworkGraph network, long memberId, long positionId, Request request,
        TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(db, network, memberId, positionId, request, time, cancellationToken);

    public static async Task<Outcome<bool>> DeleteAsync(EntregentDb db, long memberId, long positionId, TimeProvider time, CancellationToken cancellationToken)
    {
        var position = await db.Positions.FirstOrDefaultAsync(p => p.Id == positionId && p.MemberId == memberId, cancellationToken);
        if (position is null)
        {
            return Failure.NotFound($"You have no position {positionId}.");
        }
        db.Positions.Remove(position);
        await TouchAsync(db, memberId, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<Outcome<PositionView>> SaveAsync(EntregentDb db, NetworkGraph network, long memberId, long? positionId, Request request,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var organizationName = FindOrCreateOrganization.ValidateName(errors, "organization", request.Organization);
        var title = errors.Line("title", request.Title, Position.TitleMaxLength, required: true);
        var location = errors.Line("location", request.Location, Profile.LocationMaxLength);
        var description = errors.Text("description", request.Description, Position.DescriptionMaxLength);
        var (start, end) = ValidateMonths(errors, request.StartMonth, request.EndMonth, time);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        Position? position;
        if (positionId is { } id)
        {
            position = await db.Positions.FirstOrDefaultAsync(p => p.Id == id && p.MemberId == memberId, cancellationToken);
            if (position is null)
            {
                return Failure.NotFound($"You have no position {id}.");
            }
        }
        else
        {
            if (await db.Positions.CountAsync(p => p.MemberId == memberId, cancellationToken) >= MaxPositions)
            {
                return Failure.Invalid("organization", $"A profile holds at most {MaxPositions} positions.");
            }
            position = new Position { MemberId = memberId, Title = title!, CreatedAt = time.GetUtcNow() };
            db.Positions.Add(position);
        }

        // News only when the position becomes news: added, shared from now on, or current again. Saving it otherwise
        // (a typo fixed years later) tells no one, not even connections made since.
        var wasNews = positionId is not null && position.SharedAsNews && position.EndMonth is null;
        var organization = await FindOrCreateOrganization.ExecuteAsync(db, organizationName!, OrganizationKind.Company, time, cancellationToken);
        position.Organization = organization;
        position.Title = title!;
        position.Location = location;
        position.Description = description;
        position.StartMonth = start;
        position.EndMonth = end;
        position.UpdatedAt = time.GetUtcNow();
        position.SharedAsNews = request.ShareAsNews ?? position.SharedAsNews;
        await TouchAsync(db, memberId, time, cancellationToken);
        // The announcement needs the position's id (its dedupe key): one transaction holds both saves.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            if (position.SharedAsNews && !wasNews)
            {
                await CareerNews.AnnounceAsync(db, network, time, position, organization.Name, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return PositionView.Of(position.Id, organization.Name, organization.Slug, position.Title, position.Location,
            position.Description, position.StartMonth, position.EndMonth) with { ConfirmedAt = position.UpdatedAt, SharedAsNews = position.SharedAsNews };
    }

    /// <summary>Start required, end optional (current), neither in the future, end not before start.</summary>
    internal static (DateOnly Start, DateOnly? End) ValidateMonths(FieldErrors errors, string? startText, string? endText, TimeProvider time)
    {
        var thisMonth = Months.Current(time);
        DateOnly start = default;
        DateOnly? end = null;
        if (string.IsNullOrWhiteSpace(startText))
        {
            errors.Add("startMonth", "This field is required.");
        }
        else if (!Months.TryParse(startText, out start))
        {
            errors.Add("startMonth", "Use the form YYYY-MM, e.g. 2019-03.");
        }
        else if (start > thisMonth)
        {
            errors.Add("startMonth", "Cannot be in the future.");
        }
        if (!string.IsNullOrWhiteSpace(endText))
        {
            if (!Months.TryParse(endText, out var parsed))
            {
                errors.Add("endMonth", "Use the form YYYY-MM, e.g. 2021-06, or leave it out for a current position.");
            }
            else if (parsed > thisMonth)
            {
                errors.Add("endMonth", "Cannot be in the future; leave it out for a current position.");
            }
            else if (start != default && parsed < start)
            {
                errors.Add("endMonth", "The end comes before the start.");
            }
            end = parsed;
        }
        return (start, end);
    }

    private static async Task TouchAsync(EntregentDb db, long memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstAsync(p => p.MemberId == memberId, cancellationToken);
        profile.PositionsUpdatedAt = time.GetUtcNow();
        profile.Version++;
        await FlagDetails.ResolveAsync(db, memberId, ProfileSection.Positions, DetailsFlagState.Updated, time.GetUtcNow(), cancellationToken);
    }
}
