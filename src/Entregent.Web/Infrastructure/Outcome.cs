namespace Entregent.Web.Infrastructure;

public enum FailureKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    TooLarge,
    PreconditionFailed,
    Unauthorized,
    TooManyRequests,
}

/// <summary>
/// An expected failure of a use case, with the field at fault where there is one. Use cases return it rather
/// than throw; the API turns it into ProblemDetails and pages into form errors.
/// </summary>
public sealed record Failure(FailureKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>For <see cref="FailureKind.TooManyRequests"/>: how long until trying again can succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Failure TooManyRequests(string message, TimeSpan retryAfter) =>
        new(FailureKind.TooManyRequests, message) { RetryAfter = retryAfter };

    public static Failure Invalid(string field, string message) => new(FailureKind.Invalid, message, Field(field, message));
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "One or more fields are invalid.", errors);
    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);
    public static Failure Conflict(string field, string message) => new(FailureKind.Conflict, message, Field(field, message));
    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);
    public static Failure TooLarge(string field, string message) => new(FailureKind.TooLarge, message, Field(field, message));
    public static Failure Unauthorized(string message) => new(FailureKind.Unauthorized, message);

    private static Dictionary<string, string[]> Field(string field, string message) => new() { [field] = [message] };
}

/// <summary>The result of a use case: a value, or a <see cref="Failure"/>.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    internal static Outcome<T> Success(T value) => new(value, null);
}

/// <summary>Builds outcomes for values the implicit conversion cannot take (interfaces such as IReadOnlyList).</summary>
public static class Outcome
{
    public static Outcome<T> Of<T>(T value) => Outcome<T>.Success(value);
}
