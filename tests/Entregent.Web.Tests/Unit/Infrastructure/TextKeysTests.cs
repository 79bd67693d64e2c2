using Entregent.Web.Infrastructure;

namespace Entregent.Web.Tests.Unit.Infrastructure;

public class TextKeysTests
{
    [Theory]
    [InlineData("Hélène Lefèvre", "helene lefevre")]
    [InlineData("HELENE  lefevre", "helene lefevre")]
    [InlineData("  C#  ", "c")]
    [InlineData("Gestion de projét", "gestion de projet")]
    [InlineData("Straße", "strasse")]
    [InlineData("Œuvre Æther", "oeuvre aether")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Jean-Pierre O'Neil", "jean pierre o neil")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    [InlineData("Ünïcödé 42", "unicode 42")]
    public void Fold_Text_LowerCaseWithoutAccentsOrPunctuation(string text, string expected) =>
        Assert.Equal(expected, TextKeys.Fold(text));

    [Theory]
    [InlineData("Hélène Lefèvre", 40, "helene-lefevre")]
    [InlineData("  Jean -- Pierre  ", 40, "jean-pierre")]
    [InlineData("Acme S.A.S.", 40, "acme-s-a-s")]
    [InlineData("abcdef ghij", 7, "abcdef")]
    [InlineData("abc def", 4, "abc")]
    [InlineData("???", 40, "")]
    public void Slug_Text_HyphenatedAndCut(string text, int maxLength, string expected) =>
        Assert.Equal(expected, TextKeys.Slug(text, maxLength));

    [Theory]
    [InlineData("Hélène")]
    [InlineData("HELENE")]
    [InlineData("helene")]
    [InlineData("Hélène ")]
    public void Fold_SpellingsOfOneName_ShareTheKey(string spelling) =>
        Assert.Equal("helene", TextKeys.Fold(spelling));
}
