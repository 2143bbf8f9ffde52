namespace MedPlatform.Identity;

/// <summary>
/// The result of a successful sign-in or refresh: who signed in and a fresh refresh token.
/// The Api turns it into an access token; the refresh token is shown to the client once and
/// stored only as a hash.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.SignedIn")]
public sealed record SignedIn(
    [property: Id(0)] UserView User,
    [property: Id(1)] string RefreshToken,
    [property: Id(2)] DateTimeOffset RefreshTokenExpiresAt);
