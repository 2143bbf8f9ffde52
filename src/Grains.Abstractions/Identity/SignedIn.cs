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

/// <summary>
/// A signed-in device as its owner sees it: when it signed in and was last active, from where,
/// with what browser or app, and whether it is the device asking. An access token already issued
/// to a device that is signed out stays valid until it expires (minutes); its refresh token does not.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.SessionView")]
public sealed record SessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset SignedInAt,
    [property: Id(2)] DateTimeOffset LastActiveAt,
    [property: Id(3)] string? ClientAddress,
    [property: Id(4)] string? UserAgent,
    [property: Id(5)] bool Current);
