using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Watches;

/// <summary>The <c>Watches</c> configuration section: how often <see cref="WatchJob"/> looks for new matches.</summary>
public sealed class WatchOptions : IValidatableObject
{
    public const string Section = "Watches";

    /// <summary>How often watches look at what is new. Default a minute.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Change-feed rows read per pass at most; a watch far behind catches up over several passes. Default 20,000.</summary>
    [Range(100, 1_000_000)]
    public int MaxChangesPerPass { get; set; } = 20_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckEvery < TimeSpan.FromSeconds(1) || CheckEvery > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("CheckEvery must be between one second and one day.", [nameof(CheckEvery)]);
        }
    }
}
