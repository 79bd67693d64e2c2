using System.Text.Json.Nodes;
using Entregent.Web.Features.Ldbc;

namespace Entregent.Web.Tests.Features.Ldbc;

public class LdbcExpectationsTests
{
    [Theory]
    [InlineData("""{"personIdQ1":1,"firstName":"Jose","limit":20}""", "IC1")]
    [InlineData("""{"personIdQ10":1,"month":2,"limit":10}""", "IC10")]
    [InlineData("""{"personIdQ11":1,"countryName":"Sweden","workFromYear":2006,"limit":10}""", "IC11")]
    [InlineData("""{"person1IdQ13StartNode":1,"person2IdQ13EndNode":2}""", "IC13")]
    [InlineData("""{"person1IdQ14StartNode":1,"person2IdQ14EndNode":2}""", "IC14")]
    [InlineData("""{"personIdSQ1":143}""", "IS1")]
    [InlineData("""{"personIdSQ2":143,"limit":10}""", "IS2")]
    [InlineData("""{"personIdSQ3":143}""", "IS3")]
    [InlineData("""{"messageIdContent":1}""", "IS4")]
    [InlineData("""{"messageIdCreator":1}""", "IS5")]
    [InlineData("""{"messageForumId":1}""", "IS6")]
    [InlineData("""{"messageRepliesId":1}""", "IS7")]
    [InlineData("""{"somethingElse":1}""", "unknown")]
    public void Identify_ParameterNames_Query(string operation, string expected) =>
        Assert.Equal(expected, LdbcExpectations.Identify(JsonNode.Parse(operation)!.AsObject()));

    [Fact]
    public void Parse_Line_OperationAndExpectedSplitWhereTheOperationEnds()
    {
        var operation = LdbcExpectations.Parse("""{"personIdQ1":4398046511333,"firstName":"A|B}","limit":20}|[{"friendId":1}]""", 7);

        Assert.Equal(("IC1", 7, 4398046511333L, "A|B}", 20), (operation.Query, operation.Line, operation.IdParameter("personIdQ1"),
            operation.TextParameter("firstName"), operation.IntParameter("limit")));
        Assert.Equal("""[{"friendId":1}]""", operation.Expected!.ToJsonString());
        Assert.Equal("""{"personIdQ1":4398046511333,"firstName":"A|B}","limit":20}""", operation.OperationText);
    }

    [Fact]
    public void Parse_NullExpected_Null() => Assert.Null(LdbcExpectations.Parse("""{"personIdSQ1":3279}|null""", 1).Expected);

    [Theory]
    [InlineData("""{"personIdSQ1":1}""")]
    [InlineData("""{"personIdSQ1":1}[]""")]
    [InlineData("""{"personIdSQ1":1}|[""")]
    [InlineData("""not json|[]""")]
    public void Parse_Malformed_InvalidData(string line) => Assert.Throws<InvalidDataException>(() => LdbcExpectations.Parse(line, 3));

    [Theory]
    // Lists are ordered: the same rows in another order fail.
    [InlineData("IS3", """[{"personId":1},{"personId":2}]""", """[{"personId":1},{"personId":2}]""", true)]
    [InlineData("IS3", """[{"personId":1},{"personId":2}]""", """[{"personId":2},{"personId":1}]""", false)]
    [InlineData("IS3", """[{"personId":1}]""", """[{"personId":1},{"personId":2}]""", false)]
    // IC1's e-mails, languages, universities and companies are sets…
    [InlineData("IC1", """[{"friendEmails":["a","b"],"friendCompanies":[{"organizationName":"X","year":1},{"organizationName":"Y","year":2}]}]""",
        """[{"friendEmails":["b","a"],"friendCompanies":[{"year":2,"organizationName":"Y"},{"organizationName":"X","year":1}]}]""", true)]
    [InlineData("IC1", """[{"friendEmails":["a","b"]}]""", """[{"friendEmails":["a","c"]}]""", false)]
    [InlineData("IC1", """[{"friendEmails":["a","a"]}]""", """[{"friendEmails":["a"]}]""", false)]
    // …but IC1's rows themselves are ordered, and other queries' lists are never sets.
    [InlineData("IC1", """[{"friendId":1},{"friendId":2}]""", """[{"friendId":2},{"friendId":1}]""", false)]
    [InlineData("IS1", """{"friendEmails":["a","b"]}""", """{"friendEmails":["b","a"]}""", false)]
    [InlineData("IC12", """[{"tagNames":["a","b"]}]""", """[{"tagNames":["b","a"]}]""", true)]
    // Objects: key order free, keys must match, numbers by value, doubles to 10 decimals.
    [InlineData("IS1", """{"a":1,"b":"x"}""", """{"b":"x","a":1}""", true)]
    [InlineData("IS1", """{"a":1}""", """{"a":1,"b":2}""", false)]
    [InlineData("IS1", """{"a":1,"b":2}""", """{"a":1}""", false)]
    [InlineData("IS1", """{"a":"1"}""", """{"a":1}""", false)]
    [InlineData("IC14", """[{"pathWeight":2.0}]""", """[{"pathWeight":2}]""", true)]
    [InlineData("IC14", """[{"pathWeight":0.30000000000001}]""", """[{"pathWeight":0.3}]""", true)]
    [InlineData("IC14", """[{"pathWeight":0.3001}]""", """[{"pathWeight":0.3}]""", false)]
    // IC14: weights in order, paths as a set — paths of equal weight in any order…
    [InlineData("IC14", """[{"personIdsInPath":[1,2,4],"pathWeight":2.0},{"personIdsInPath":[1,3,4],"pathWeight":2.0},{"personIdsInPath":[1,5,4],"pathWeight":0.5}]""",
        """[{"personIdsInPath":[1,3,4],"pathWeight":2},{"personIdsInPath":[1,2,4],"pathWeight":2},{"personIdsInPath":[1,5,4],"pathWeight":0.5}]""", true)]
    // …but not a lighter path before a heavier one, another path, or a path missing.
    [InlineData("IC14", """[{"personIdsInPath":[1,2,4],"pathWeight":2.0},{"personIdsInPath":[1,5,4],"pathWeight":0.5}]""",
        """[{"personIdsInPath":[1,5,4],"pathWeight":0.5},{"personIdsInPath":[1,2,4],"pathWeight":2.0}]""", false)]
    [InlineData("IC14", """[{"personIdsInPath":[1,2,4],"pathWeight":2.0},{"personIdsInPath":[1,3,4],"pathWeight":2.0}]""",
        """[{"personIdsInPath":[1,2,4],"pathWeight":2.0},{"personIdsInPath":[1,6,4],"pathWeight":2.0}]""", false)]
    [InlineData("IC14", """[{"personIdsInPath":[1,2,4],"pathWeight":2.0},{"personIdsInPath":[1,3,4],"pathWeight":2.0}]""",
        """[{"personIdsInPath":[1,2,4],"pathWeight":2.0}]""", false)]
    [InlineData("IS1", "null", "null", true)]
    [InlineData("IS1", "null", "{}", false)]
    [InlineData("IS1", """{"a":null}""", """{"a":null}""", true)]
    public void Difference_LdbcRules(string query, string expected, string actual, bool equal)
    {
        var difference = LdbcExpectations.Difference(query, JsonNode.Parse(expected), JsonNode.Parse(actual));

        Assert.True(equal == (difference is null), difference ?? "equal, yet expected a difference");
    }

    [Fact]
    public void Difference_ValuesBuiltInCode_CompareWithParsedOnes()
    {
        var actual = new JsonObject { ["shortestPathLength"] = -1, ["birthday"] = 558921600000L, ["name"] = "Jose" };

        Assert.Null(LdbcExpectations.Difference("IC13", JsonNode.Parse("""{"shortestPathLength":-1,"birthday":558921600000,"name":"Jose"}"""), actual));
    }

    [Fact]
    public void Difference_Mismatch_SaysWhere()
    {
        var difference = LdbcExpectations.Difference("IS3", JsonNode.Parse("""[{"personId":1,"friendshipCreationDate":5}]"""),
            JsonNode.Parse("""[{"personId":1,"friendshipCreationDate":6}]"""));

        Assert.Equal("$[0].friendshipCreationDate: expected 5, got 6", difference);
    }

    [Fact]
    public void Read_SharedExpectedFile_EveryLineIdentified()
    {
        if (!File.Exists(LdbcData.TinyExpected))
        {
            Assert.Skip($"no LDBC data at {LdbcData.TinyExpected}");
        }

        var operations = LdbcExpectations.Read(LdbcData.TinyExpected).ToList();

        Assert.Equal(237, operations.Count);
        Assert.DoesNotContain(operations, o => o.Query == "unknown");
        Assert.Equal(233, operations.Count(o => ValidateLdbc.Answered.Contains(o.Query)));
    }
}
