using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> configuration section: the digest and career-news job, flags and the reconnect list.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>How often <see cref="NotificationDigestJob"/> looks for digests due and work anniversaries. Default an hour.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The hour of the day (UTC, 0–23) from which digests due that day go out. Default 7.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 7;

    /// <summary>The most notifications one digest lists (the rest wait in the centre). Default 50.</summary>
    [Range(1, 1000)]
    public int DigestMaxItems { get; set; } = 50;

    /// <summary>"Still at Acme?" flags a member may raise in any 24 hours. Default 20.</summary>
    [Range(1, 10_000)]
    public int FlagsPerDay { get; set; } = 20;

    /// <summary>A connection with no interaction for this many days shows in "reconnect" once their position changed. Default 180.</summary>
    [Range(1, 3650)]
    public int ReconnectAfterDays { get; set; } = 180;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckEvery < TimeSpan.FromSeconds(1) || CheckEvery > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("CheckEvery must be between one second and one day.", [nameof(CheckEvery)]);
        }
    }
}
