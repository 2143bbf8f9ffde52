namespace MedPlatform.Common;

/// <summary>The kinds of refusal a grain can give; each maps to one HTTP status at the Api edge.</summary>
public enum ProblemKind
{
    Invalid = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    Conflict = 409,
    Unprocessable = 422,
    Locked = 423,
    TooManyRequests = 429,
    /// <summary>Something the request needs is down for now; the caller may try again (with Retry-After).</summary>
    Unavailable = 503,
}
