using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Entregent.Web.Infrastructure;

/// <summary>Maps use-case outcomes to HTTP: one place decides which failure is which status.</summary>
public static class HttpResults
{
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            FailureKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            FailureKind.Unauthorized => StatusCodes.Status401Unauthorized,
            FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        ProblemDetails problem = failure.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Detail = failure.Detail;
        if (failure.RetryAfter is { } retryAfter)
        {
            // ProblemHttpResult cannot set headers; clients read the wait from the body.
            problem.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Sets the Retry-After header of a rate-limit failure (429): <see cref="ToProblem"/> cannot, and well-behaved clients
    /// read the header rather than the body's retryAfterSeconds. Does nothing for other outcomes.
    /// </summary>
    public static void SetRetryAfter(this HttpResponse response, Failure? failure)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (failure?.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Failure!.ToProblem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.NoContent() : outcome.Failure!.ToProblem();
}
