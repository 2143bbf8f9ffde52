namespace MedPlatform.Identity;

/// <summary>A user as the owner, staff and the Api see it. Never carries the password hash or tokens.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.UserView")]
public sealed record UserView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Role Role,
    [property: Id(4)] bool Verified,
    [property: Id(5)] string? Department,
    [property: Id(6)] string? LicenseNumber,
    [property: Id(7)] DateTimeOffset CreatedAt,
    /// <summary>Whether the owner proved the address is theirs (a link from a mail to it). Accounts from before verification existed count as verified.</summary>
    [property: Id(8)] bool EmailVerified,
    /// <summary>Whether signing in needs a code from an authenticator app after the password.</summary>
    [property: Id(9)] bool TwoFactorEnabled);
