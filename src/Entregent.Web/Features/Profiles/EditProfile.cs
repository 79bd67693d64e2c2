using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>
/// Change one's own profile. A field left out (or null) stays as it is; an empty string or empty list clears it.
/// Only the sections that really changed get a new "updated" date.
/// </summary>
public static class EditProfile
{
    public sealed record Request(
        string? Handle = null,
        string? DisplayName = null,
        string? Headline = null,
        string? Summary = null,
        string? Location = null,
        string? Industry = null,
        IReadOnlyList<string>? Languages = null,
        string? ContactEmail = null,
        Audience? ContactEmailAudience = null,
        string? Phone = null,
        Audience? PhoneAudience = null,
        string? Website = null,
        Audience? WebsiteAudience = null,
        IReadOnlyList<OpenTo>? OpenTo = null);

    /// <param name="expectedVersion">From If-Match: the edit applies only to this version of the profile.</param>
    public static async Task<Outcome<MyProfileView>> ExecuteAsync(EntregentDb db, long memberId, Request request, int? expectedVersion,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile is null)
        {
            return Failure.NotFound("Your profile does not exist.");
        }
        if (expectedVersion is { } expected && expected != profile.Version)
        {
            return new Failure(FailureKind.PreconditionFailed, "Your profile changed since you loaded it. Reload and try again.");
        }

        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        bool intro = false, contact = false, openTo = false;

        if (request.Handle is not null)
        {
            var handle = request.Handle.Trim().ToLowerInvariant();
            if (ProfileHandles.Problem(handle) is { } problem)
            {
                errors.Add("handle", problem);
            }
            else if (handle != profile.Handle)
            {
                if (await db.Profiles.AnyAsync(p => p.Handle == handle && p.MemberId != memberId, cancellationToken))
                {
                    return Failure.Conflict("handle", "This handle is taken.");
                }
                profile.Handle = handle;
                intro = true;
            }
        }
        if (request.DisplayName is not null)
        {
            var name = errors.Line("displayName", request.DisplayName, Profile.DisplayNameMaxLength, required: true);
            intro |= Set(name, profile.DisplayName, v => profile.DisplayName = v!);
        }
        intro |= Apply(request.Headline, profile.Headline, v => profile.Headline = v, v => errors.Line("headline", v, Profile.HeadlineMaxLength));
        intro |= Apply(request.Summary, profile.Summary, v => profile.Summary = v, v => errors.Text("summary", v, Profile.SummaryMaxLength));
        intro |= Apply(request.Location, profile.Location, v => profile.Location = v, v => errors.Line("location", v, Profile.LocationMaxLength));
        intro |= Apply(request.Industry, profile.Industry, v => profile.Industry = v, v => errors.Line("industry", v, Profile.IndustryMaxLength));
        if (request.Languages is not null)
        {
            var languages = CleanList(errors, "languages", request.Languages, Profile.MaxLanguages, Profile.LanguageMaxLength);
            if (!languages.SequenceEqual(profile.Languages, StringComparer.Ordinal))
            {
                profile.Languages = languages;
                intro = true;
            }
        }

        contact |= Apply(request.ContactEmail, profile.ContactEmail, v => profile.ContactEmail = v, v => errors.Email("contactEmail", v));
        contact |= Apply(request.Phone, profile.Phone, v => profile.Phone = v, v => errors.Phone("phone", v));
        contact |= Apply(request.Website, profile.Website, v => profile.Website = v, v => errors.Url("website", v, Profile.WebsiteMaxLength));
        contact |= SetAudience(errors, "contactEmailAudience", request.ContactEmailAudience, profile.ContactEmailAudience, a => profile.ContactEmailAudience = a);
        contact |= SetAudience(errors, "phoneAudience", request.PhoneAudience, profile.PhoneAudience, a => profile.PhoneAudience = a);
        contact |= SetAudience(errors, "websiteAudience", request.WebsiteAudience, profile.WebsiteAudience, a => profile.WebsiteAudience = a);

        if (request.OpenTo is not null)
        {
            var flags = Profiles.OpenTo.None;
            foreach (var flag in request.OpenTo)
            {
                if (flag == Profiles.OpenTo.None || !Enum.IsDefined(flag))
                {
                    errors.Add("openTo", "Unknown value; use newRole, hiring, business or introductions.");
                }
                flags |= flag;
            }
            if (flags != profile.OpenTo)
            {
                profile.OpenTo = flags;
                openTo = true;
            }
        }

        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (intro)
        {
            profile.IntroUpdatedAt = now;
            await FlagDetails.ResolveAsync(db, memberId, ProfileSection.Intro, DetailsFlagState.Updated, now, cancellationToken);
        }
        if (contact)
        {
            profile.ContactUpdatedAt = now;
            await FlagDetails.ResolveAsync(db, memberId, ProfileSection.Contact, DetailsFlagState.Updated, now, cancellationToken);
        }
        if (openTo)
        {
            profile.OpenToUpdatedAt = now;
        }
        if (intro || contact || openTo)
        {
            profile.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (db.Entry(profile).Property(p => p.Handle).IsModified)
            {
                // Another member took the handle between our check and our save.
                return Failure.Conflict("handle", "This handle is taken.");
            }
        }
        return await ViewProfile.MineAsync(db, memberId, cancellationToken);
    }

    /// <summary>Validates and applies one optional text field; "" clears it. Returns whether the value changed.</summary>
    private static bool Apply(string? requested, string? current, Action<string?> set, Func<string?, string?> clean) =>
        requested is not null && Set(clean(requested), current, set);

    private static bool Set(string? value, string? current, Action<string?> set)
    {
        if (string.Equals(value, current, StringComparison.Ordinal))
        {
            return false;
        }
        set(value);
        return true;
    }

    private static bool SetAudience(FieldErrors errors, string field, Audience? requested, Audience current, Action<Audience> set)
    {
        if (requested is not { } audience || audience == current)
        {
            return false;
        }
        if (!Enum.IsDefined(audience))
        {
            errors.Add(field, "Unknown audience; use public, members, connections or onlyMe.");
            return false;
        }
        set(audience);
        return true;
    }

    /// <summary>Trims, drops empties and case/accent duplicates (same <paramref name="key"/>, by default the folded text), checks count and length.</summary>
    public static List<string> CleanList(FieldErrors errors, string field, IEnumerable<string?> items, int maxCount, int maxLength,
        Func<string, string>? key = null)
    {
        key ??= TextKeys.Fold;
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var text = errors.Line(field, item, maxLength);
            if (text is not null && seen.Add(key(text)))
            {
                result.Add(text);
            }
        }
        if (result.Count > maxCount)
        {
            errors.Add(field, $"At most {maxCount} entries.");
        }
        return result;
    }
}
