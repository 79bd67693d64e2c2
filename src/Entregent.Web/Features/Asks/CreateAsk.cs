using System.Text.RegularExpressions;
using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Asks;

/// <summary>
/// "Do you know someone with this profile?": the owner describes a need; the answer is the ask with its matches grouped by
/// the connection best placed to introduce them. Rate-limited per owner (<see cref="AskOptions.WeeklyLimit"/>).
/// </summary>
public static partial class CreateAsk
{
    /// <param name="Text">What the owner looks for, up to 1,000 characters of plain text.</param>
    /// <param name="Skills">Up to 10 skill names.</param>
    /// <param name="Location">Words the profile's location must contain.</param>
    /// <param name="Organization">An organisation's slug: people who are or were there.</param>
    public sealed record Request(string? Text, IReadOnlyList<string>? Skills = null, string? Location = null, string? Organization = null);

    public static async Task<Outcome<AskView>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex search, IOptions<AskOptions> options,
        TimeProvider time, long ownerId, Request request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text, Ask.TextMaxLength);
        if (text is null)
        {
            errors.Add("text", "Say who you are looking for.");
        }
        else if (Markup().IsMatch(text))
        {
            errors.Add("text", "HTML is not allowed here.");
        }
        var skills = new List<string>();
        if (request.Skills is { Count: > Ask.MaxSkills })
        {
            errors.Add("skills", $"At most {Ask.MaxSkills} skills.");
        }
        else
        {
            foreach (var name in request.Skills ?? [])
            {
                if (errors.Line("skills", name, Skill.NameMaxLength) is { } skill
                    && !skills.Any(s => Skill.KeyFor(s) == Skill.KeyFor(skill)))
                {
                    skills.Add(skill);
                }
            }
        }
        var location = errors.Line("location", request.Location, Profile.LocationMaxLength);
        long? organizationId = null;
        if (!string.IsNullOrWhiteSpace(request.Organization))
        {
            organizationId = await ViewOrganization.ResolveAsync(db, request.Organization, cancellationToken);
            if (organizationId is null)
            {
                errors.Add("organization", $"No organisation has the address '{request.Organization}'.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var now = time.GetUtcNow();
        var limit = options.Value.WeeklyLimit;
        var recent = await db.Asks.AsNoTracking().Where(a => a.OwnerId == ownerId && a.CreatedAt > now.AddDays(-7))
            .OrderBy(a => a.CreatedAt).Select(a => a.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        if (recent.Count >= limit)
        {
            var from = recent[0].AddDays(7);
            return Failure.TooManyRequests($"You can make {limit} asks a week; you can ask again from {from:yyyy-MM-dd HH:mm} UTC.", from - now);
        }

        var ask = new Ask { OwnerId = ownerId, Text = text!, Skills = skills, Location = location, OrganizationId = organizationId, CreatedAt = now };
        db.Asks.Add(ask);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsk.OwnerViewAsync(db, network, search, ask, cancellationToken);
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]")]
    private static partial Regex Markup();
}
