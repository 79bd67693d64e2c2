using Entregent.Web.Features.Profiles;

namespace Entregent.Web.Tests.Features.Profiles;

public class ProfileHandlesTests
{
    [Theory]
    [InlineData("ada", true)]
    [InlineData("helene-lefevre", true)]
    [InlineData("helene-lefevre-2", true)]
    [InlineData("a1b", true)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij", true)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijk", false)]
    [InlineData("ab", false)]
    [InlineData("", false)]
    [InlineData("-ada", false)]
    [InlineData("ada-", false)]
    [InlineData("Ada", false)]
    [InlineData("ada_l", false)]
    [InlineData("ada.l", false)]
    [InlineData("hélène", false)]
    [InlineData("ada lovelace", false)]
    public void IsWellFormed_Handle_LowerCaseLettersDigitsHyphens(string handle, bool expected) =>
        Assert.Equal(expected, ProfileHandles.IsWellFormed(handle));

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("settings")]
    [InlineData("entregent")]
    [InlineData("members")]
    [InlineData("null")]
    public void Problem_Reserved_SaysReserved(string handle) =>
        Assert.Equal("This handle is reserved.", ProfileHandles.Problem(handle));

    [Theory]
    [InlineData("ab")]
    [InlineData("Ada")]
    [InlineData("-ada")]
    [InlineData("a b c")]
    public void Problem_Malformed_DescribesTheForm(string handle) =>
        Assert.StartsWith("3 to 40 characters", ProfileHandles.Problem(handle), StringComparison.Ordinal);

    [Theory]
    [InlineData("ada-lovelace")]
    [InlineData("admin-ada")]
    [InlineData("me2")]
    public void Problem_Usable_Null(string handle) => Assert.Null(ProfileHandles.Problem(handle));
}
