namespace MedPlatform.Common;

/// <summary>
/// A business refusal: the one exception type grains throw for a caller's mistake or a broken rule.
/// The Api turns it into RFC 9457 problem details with the status of <see cref="Kind"/>.
/// </summary>
[GenerateSerializer, Alias("MedPlatform.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(ProblemKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null, int? retryAfterSeconds = null, string? code = null)
        : base(detail)
    {
        Kind = kind;
        Detail = detail;
        Errors = errors is null ? null : new Dictionary<string, string[]>(errors);
        RetryAfterSeconds = retryAfterSeconds;
        Code = code;
    }

    [Id(0)] public ProblemKind Kind { get; }
    [Id(1)] public string Detail { get; }
    /// <summary>Per-field messages for a 400, keyed by the JSON field name.</summary>
    [Id(2)] public Dictionary<string, string[]>? Errors { get; }
    /// <summary>For 423, 429 and 503: when the caller may try again.</summary>
    [Id(3)] public int? RetryAfterSeconds { get; }
    /// <summary>A refusal a client app acts on (for example "email-not-verified"): the problem's <c>type</c> ends in it.</summary>
    [Id(4)] public string? Code { get; }

    public static DomainException Invalid(string field, string message) =>
        new(ProblemKind.Invalid, "One or more fields are invalid.", new Dictionary<string, string[]> { [field] = [message] });
    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, "One or more fields are invalid.", errors);
    public static DomainException Unauthorized(string detail) => new(ProblemKind.Unauthorized, detail);
    public static DomainException Forbidden(string detail) => new(ProblemKind.Forbidden, detail);
    public static DomainException NotFound(string detail) => new(ProblemKind.NotFound, detail);
    public static DomainException Conflict(string detail) => new(ProblemKind.Conflict, detail);
    public static DomainException Unprocessable(string detail) => new(ProblemKind.Unprocessable, detail);
    public static DomainException TooManyRequests(string detail, int retryAfterSeconds) => new(ProblemKind.TooManyRequests, detail, null, retryAfterSeconds);

    /// <summary>What an account may do only once its owner confirmed the email address.</summary>
    public static DomainException EmailNotVerified(string detail) => new(ProblemKind.Forbidden, detail, code: ProblemCodes.EmailNotVerified);
    /// <summary>Staff who must sign in with a second factor and have not enrolled one yet.</summary>
    public static DomainException TwoFactorRequired(string detail) => new(ProblemKind.Forbidden, detail, code: ProblemCodes.TwoFactorRequired);
    public static DomainException Unavailable(string detail, int retryAfterSeconds) => new(ProblemKind.Unavailable, detail, null, retryAfterSeconds);
}
