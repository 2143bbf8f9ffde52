namespace MedPlatform.Identity;

/// <summary>The stored account. Never leaves the User grain: the outside sees <see cref="UserView"/>.</summary>
[GenerateSerializer, Alias("MedPlatform.UserState")]
public sealed class UserState
{
    /// <summary>As the user typed it (trimmed); null while no account exists under this id.</summary>
    [Id(0)] public string? Email { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public Role Role { get; set; }
    [Id(3)] public bool Verified { get; set; }
    [Id(4)] public string? Department { get; set; }
    [Id(5)] public string? LicenseNumber { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public string PasswordHash { get; set; } = "";
    // Id 8 held per-token refresh records before sessions replaced them; do not reuse it.
    [Id(9)] public DateTimeOffset? VerifiedAt { get; set; }
    [Id(10)] public string? VerifiedBy { get; set; }
    [Id(11)] public DateTimeOffset? PasswordChangedAt { get; set; }
    [Id(12)] public List<Session> Sessions { get; set; } = [];
    /// <summary>Client networks this account signed in from, most recent first (a few at most).</summary>
    [Id(13)] public List<KnownNetwork> KnownNetworks { get; set; } = [];
    /// <summary>The password change the owner was last told of by mail: a change not yet told is told when the grain next wakes.</summary>
    [Id(14)] public DateTimeOffset? PasswordChangeAnnouncedAt { get; set; }
    /// <summary>
    /// True from registration until the owner follows the confirmation link. Stored as "not yet
    /// confirmed" so accounts from before confirmation existed read as confirmed, not locked out.
    /// </summary>
    [Id(15)] public bool EmailUnconfirmed { get; set; }
    [Id(16)] public DateTimeOffset? EmailConfirmedAt { get; set; }
    /// <summary>The live single-use tokens of links mailed to the owner, as hashes.</summary>
    [Id(17)] public List<MailToken> MailTokens { get; set; } = [];
    /// <summary>How many confirmation mails were asked for, so each has a key of its own in the outbox.</summary>
    [Id(18)] public int ConfirmationMailsQueued { get; set; }
    /// <summary>The second factor: its secret (encrypted), the last step accepted, the recovery codes (hashed).</summary>
    [Id(19)] public TwoFactorState TwoFactor { get; set; } = new();
    /// <summary>Sign-ins whose password was right and whose code is awaited (a few at most).</summary>
    [Id(20)] public List<SignInChallenge> SignInChallenges { get; set; } = [];

    public bool Exists => Email is not null;

    public UserView ToView(string id) =>
        new(id, Email!, DisplayName, Role, Verified, Department, LicenseNumber, CreatedAt, !EmailUnconfirmed, TwoFactor.IsOn);
}

/// <summary>
/// One signed-in device: started by a sign-in, kept alive by refresh-token rotation. Only the
/// current token's hash is kept, so any earlier token of the session coming back is a copy.
/// </summary>
[GenerateSerializer, Alias("MedPlatform.Session")]
public sealed class Session
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string CurrentTokenHash { get; set; } = "";
    [Id(2)] public DateTimeOffset StartedAt { get; set; }
    [Id(3)] public DateTimeOffset RefreshedAt { get; set; }
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(6)] public string? ClientAddress { get; set; }
    /// <summary>The browser or app that signed in (its User-Agent, shortened), so the owner can tell devices apart.</summary>
    [Id(7)] public string? UserAgent { get; set; }

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

[GenerateSerializer, Alias("MedPlatform.KnownNetwork")]
public sealed record KnownNetwork([property: Id(0)] string Network, [property: Id(1)] DateTimeOffset LastSignIn);

/// <summary>A link's token as kept: only the SHA-256 of its secret, what it is for and until when it works.</summary>
[GenerateSerializer, Alias("MedPlatform.MailToken")]
public sealed record MailToken(
    [property: Id(0)] MailTokenPurpose Purpose,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt);
