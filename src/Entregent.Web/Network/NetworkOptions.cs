using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Network;

/// <summary>The <c>Network</c> configuration section: limits on invitations and connections.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Invitations a member may send in any 7 days. Default 100.</summary>
    [Range(1, 100_000)]
    public int InvitationsPerWeek { get; set; } = 100;

    /// <summary>Most connections a member may have. Default 30,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 30_000;

    /// <summary>Days after withdrawing an invitation before the same member can be invited again. Default 21.</summary>
    [Range(0, 365)]
    public int ReinviteAfterWithdrawalDays { get; set; } = 21;

    /// <summary>Hours between recomputations of every relationship strength (overlaps grow with time). Default 24.</summary>
    [Range(1, 24 * 30)]
    public int StrengthRefreshHours { get; set; } = 24;
}
