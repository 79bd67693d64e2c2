using Entregent.Web.Features.Organizations;

namespace Entregent.Web.Tests.Features.Organizations;

public class OrganizationNamesTests
{
    [Theory]
    [InlineData("Acme SAS", "acme")]
    [InlineData("ACME", "acme")]
    [InlineData("Acmé Inc.", "acme")]
    [InlineData("S.A.S. Acme", "acme")]
    [InlineData("Acme GmbH & Co. KG", "acme")]
    [InlineData("  acme   ltd ", "acme")]
    [InlineData("Société Générale", "societe generale")]
    [InlineData("Générale", "generale")]
    [InlineData("SAS", "sas")]
    [InlineData("Co", "co")]
    [InlineData("Acme Corporation Europe", "acme corporation europe")]
    [InlineData("École Polytechnique", "ecole polytechnique")]
    public void MatchKey_Name_FoldedWithoutLegalForms(string name, string expected) =>
        Assert.Equal(expected, OrganizationNames.MatchKey(name));

    [Theory]
    [InlineData("Société Générale", "Générale")]
    [InlineData("Acme", "Acme Labs")]
    [InlineData("Orange", "Orange Bank")]
    public void MatchKey_DifferentOrganisations_Differ(string one, string other) =>
        Assert.NotEqual(OrganizationNames.MatchKey(one), OrganizationNames.MatchKey(other));

    [Theory]
    [InlineData("...")]
    [InlineData("!!")]
    public void MatchKey_NoLetterOrDigit_Empty(string name) => Assert.Equal("", OrganizationNames.MatchKey(name));
}
