using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Asks;

/// <summary>The <c>Asks</c> configuration section.</summary>
public sealed class AskOptions
{
    public const string Section = "Asks";

    /// <summary>Asks a member may create in any 7 days. Default 10: each ask reaches people through others, so it is kept rare.</summary>
    [Range(1, 10_000)]
    public int WeeklyLimit { get; set; } = 10;
}
