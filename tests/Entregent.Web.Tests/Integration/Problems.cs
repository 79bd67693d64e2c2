using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Integration;

/// <summary>Checks that a refusal is a ProblemDetails of the expected status, naming the field at fault.</summary>
internal static class Problems
{
    /// <summary>
    /// Asserts <paramref name="response"/> is <paramref name="status"/> with an <c>application/problem+json</c>
    /// body whose <c>status</c> matches and, when <paramref name="field"/> is given, whose <c>errors</c> has that key.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(
                problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0,
                $"Expected errors.{field} in {body}");
        }

        return problem;
    }

    /// <summary>The names of the fields in the problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    /// <summary>Sends JSON text as it is (malformed or ill-typed bodies the serializer would never write).</summary>
    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static JsonContent Json<T>(T value) => JsonContent.Create(value);
}
