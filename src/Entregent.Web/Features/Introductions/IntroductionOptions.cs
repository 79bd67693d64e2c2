using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Introductions;

/// <summary>The <c>Introductions</c> configuration section: the weekly limit, reminders and expiry.</summary>
public sealed class IntroductionOptions : IValidatableObject
{
    public const string Section = "Introductions";

    /// <summary>Introductions a member may request in any 7 days. Default 20.</summary>
    [Range(1, 10_000)]
    public int WeeklyLimit { get; set; } = 20;

    /// <summary>An open introduction untouched this long gets one reminder to whoever's turn it is. Default 7 days.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An open introduction untouched this long expires. Default 30 days.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often <see cref="IntroductionJob"/> looks for introductions to remind or expire. Default an hour.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderAfter <= TimeSpan.Zero)
        {
            yield return new ValidationResult("ReminderAfter must be positive.", [nameof(ReminderAfter)]);
        }
        if (ExpireAfter <= ReminderAfter)
        {
            yield return new ValidationResult("ExpireAfter must be longer than ReminderAfter.", [nameof(ExpireAfter)]);
        }
        if (CheckEvery < TimeSpan.FromSeconds(1) || CheckEvery > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("CheckEvery must be between one second and one day.", [nameof(CheckEvery)]);
        }
    }
}
