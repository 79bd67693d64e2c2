using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Infrastructure;

/// <summary>
/// The few unexpected-but-known exceptions, as ProblemDetails: unreadable request bodies (400, naming the JSON
/// path at fault), a concurrent edit (409), a request cancelled by the client. Anything else stays a 500,
/// logged by the framework.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BodyProblem(json.Path),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent update",
                Detail = "Someone else changed this at the same time. Reload and try again.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails BodyProblem(string? path)
    {
        // System.Text.Json reports "$.startMonth"; clients want the field name. Its message names .NET types,
        // which tell a client nothing, so we say it in our words.
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
        var message = field == "body"
            ? "The body is not valid JSON for this request."
            : $"Not a valid value for '{field}' (or the JSON is malformed there).";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
            Detail = message,
        };
    }
}
