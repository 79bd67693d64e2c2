using Entregent.Web.Infrastructure;

namespace Entregent.Web.Tests.Unit.Infrastructure;

public class FieldErrorsTests
{
    [Theory]
    [InlineData("  Ada Lovelace ", 20, false, "Ada Lovelace", false)]
    [InlineData("", 20, false, null, false)]
    [InlineData("   ", 20, false, null, false)]
    [InlineData(null, 20, false, null, false)]
    [InlineData("", 20, true, null, true)]
    [InlineData(null, 20, true, null, true)]
    [InlineData("12345", 5, false, "12345", false)]
    [InlineData("123456", 5, false, "123456", true)]
    [InlineData("two\nlines", 20, false, "two\nlines", true)]
    [InlineData("tab\there", 20, false, "tab\there", true)]
    [InlineData("<script>alert(1)</script>", 100, false, "<script>alert(1)</script>", true)]
    [InlineData("a </b> tag", 100, false, "a </b> tag", true)]
    [InlineData("<!-- comment -->", 100, false, "<!-- comment -->", true)]
    [InlineData("3 < 4 and 5 > 2", 100, false, "3 < 4 and 5 > 2", false)]
    [InlineData("R&D <3", 100, false, "R&D <3", false)]
    public void Line_Value_CleanedOrRefused(string? value, int maxLength, bool required, string? expected, bool refused)
    {
        var errors = new FieldErrors();

        var cleaned = errors.Line("name", value, maxLength, required);

        Assert.Equal(expected, cleaned);
        Assert.Equal(refused, errors.Any);
        if (refused)
        {
            Assert.Contains("name", errors.ToFailure().Errors!.Keys);
        }
    }

    [Theory]
    [InlineData("line one\r\nline two", 100, "line one\nline two", false)]
    [InlineData("  <b>markdown may hold tags</b> ", 100, "<b>markdown may hold tags</b>", false)]
    [InlineData("tab\tinside", 100, "tab\tinside", false)]
    [InlineData("bell\u0007", 100, "bell\u0007", true)]
    [InlineData("", 100, null, false)]
    [InlineData("123456", 5, "123456", true)]
    public void Text_Value_CleanedOrRefused(string? value, int maxLength, string? expected, bool refused)
    {
        var errors = new FieldErrors();

        Assert.Equal(expected, errors.Text("summary", value, maxLength));
        Assert.Equal(refused, errors.Any);
    }

    [Theory]
    [InlineData("ada@example.org", true)]
    [InlineData("ada.lovelace+tag@mail.example.co.uk", true)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada", false)]
    [InlineData("Ada <ada@example.org>", false)]
    [InlineData("ada@@example.org", false)]
    [InlineData("ada example@example.org", false)]
    public void Email_Value_AcceptedOnlyWhenAnAddress(string value, bool valid)
    {
        var errors = new FieldErrors();

        errors.Email("email", value);

        Assert.Equal(!valid, errors.Any);
    }

    [Fact]
    public void Email_RequiredAndEmpty_Refused()
    {
        var errors = new FieldErrors();

        Assert.Null(errors.Email("email", " ", required: true));
        Assert.Equal(["email"], errors.ToFailure().Errors!.Keys);
    }

    [Theory]
    [InlineData("https://example.org", "https://example.org", true)]
    [InlineData("http://example.org/path?q=1", "http://example.org/path?q=1", true)]
    [InlineData("example.org", "https://example.org", true)]
    [InlineData("ftp://example.org", "ftp://example.org", false)]
    [InlineData("javascript://alert(1)", "javascript://alert(1)", false)]
    [InlineData("localhost", "https://localhost", false)]
    [InlineData("not a url", "https://not a url", false)]
    public void Url_Value_HttpOrHttpsWithDottedHost(string value, string expected, bool valid)
    {
        var errors = new FieldErrors();

        Assert.Equal(expected, errors.Url("website", value, 300));
        Assert.Equal(!valid, errors.Any);
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("(555) 123-4567", true)]
    [InlineData("06.12.34.56.78", true)]
    [InlineData("123", false)]
    [InlineData("call me", false)]
    [InlineData("+33 6 12 34 56 78 ext 9", false)]
    [InlineData("+123456789012345678901234567890123", false)]
    public void Phone_Value_DigitsAndSeparatorsOnly(string value, bool valid)
    {
        var errors = new FieldErrors();

        errors.Phone("phone", value);

        Assert.Equal(!valid, errors.Any);
    }

    [Fact]
    public void ToFailure_SeveralFields_InvalidWithEveryField()
    {
        var errors = new FieldErrors();
        errors.Add("title", "one");
        errors.Add("title", "two");
        errors.Add("startMonth", "three");

        var failure = errors.ToFailure();

        Assert.Equal(FailureKind.Invalid, failure.Kind);
        Assert.Equal(["one", "two"], failure.Errors!["title"]);
        Assert.Equal(["three"], failure.Errors["startMonth"]);
    }
}
