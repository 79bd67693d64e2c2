using Entregent.Web.Infrastructure;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Unit.Infrastructure;

public class MonthsTests
{
    [Theory]
    [InlineData("2019-03", 2019, 3)]
    [InlineData(" 2021-12 ", 2021, 12)]
    [InlineData("1900-01", 1900, 1)]
    public void TryParse_WellFormed_FirstDayOfMonth(string text, int year, int month)
    {
        Assert.True(Months.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, 1), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2019")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-3")]
    [InlineData("03-2019")]
    [InlineData("2019-03-01")]
    [InlineData("1899-12")]
    [InlineData("march 2019")]
    public void TryParse_Malformed_False(string? text)
    {
        Assert.False(Months.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Theory]
    [InlineData(2019, 3, "2019-03")]
    [InlineData(1999, 12, "1999-12")]
    public void Format_Month_YearDashMonth(int year, int month, string expected) =>
        Assert.Equal(expected, Months.Format(new DateOnly(year, month, 1)));

    [Fact]
    public void Format_NoMonth_Null() => Assert.Null(Months.Format((DateOnly?)null));

    [Theory]
    [InlineData("2026-11-22T17:53:00Z", 2026, 11)]
    [InlineData("2026-01-01T00:00:00Z", 2026, 1)]
    [InlineData("2025-12-31T23:59:59Z", 2025, 12)]
    public void Current_Clock_FirstDayOfItsMonth(string now, int year, int month)
    {
        var time = new TestTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, 1), Months.Current(time));
    }
}
