namespace Entregent.Graph.Internal;

/// <summary>Compact encodings that keep a connection within the 12-bytes budget.</summary>
internal static class Encoding
{
    // Connection times are days since 2000-01-01 in a ushort: up to the year 2179, one day resolution.
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static ushort ToDay(DateTimeOffset time)
    {
        var days = (time.UtcTicks - EpochTicks) / TimeSpan.TicksPerDay;
        return (ushort)Math.Clamp(days, 0, ushort.MaxValue);
    }

    public static DateTimeOffset FromDay(int day) => new(EpochTicks + (day * TimeSpan.TicksPerDay), TimeSpan.Zero);

    // Strengths are quantised to a byte (steps of 1/255): ample for ranking, a quarter of a float.
    public static byte ToStrength(float strength)
    {
        if (float.IsNaN(strength))
        {
            return 0;
        }

        return (byte)MathF.Round(Math.Clamp(strength, 0f, 1f) * 255f);
    }

    public static float FromStrength(byte strength) => strength / 255f;

    public const int OpenEnd = int.MaxValue;
}

/// <summary>A membership as stored: organisation and inclusive day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
internal readonly record struct MembershipRecord(int Organisation, int StartDay, int EndDay)
{
    public OrganisationMembership ToPublic() => new(
        Organisation,
        DateOnly.FromDayNumber(StartDay),
        EndDay == Encoding.OpenEnd ? null : DateOnly.FromDayNumber(EndDay));

    public bool Overlaps(MembershipRecord other) => StartDay <= other.EndDay && other.StartDay <= EndDay;

    public bool IsCurrentOn(int day) => StartDay <= day && day <= EndDay;
}
