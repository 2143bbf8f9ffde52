namespace MedPlatform.Common;

/// <summary>Refusals a client acts on by kind rather than by status: a problem's <c>type</c> is <see cref="TypeFor"/> its code.</summary>
public static class ProblemCodes
{
    public const string EmailNotVerified = "email-not-verified";
    /// <summary>An administrator or pharmacist who has not enrolled a second factor yet: the app takes them to enrolment.</summary>
    public const string TwoFactorRequired = "two-factor-required";

    /// <summary>A URN, not a page: RFC 9457 allows a type that is not dereferenceable, and it cannot go stale.</summary>
    public static string TypeFor(string code) => "urn:medplatform:problem:" + code;
}
