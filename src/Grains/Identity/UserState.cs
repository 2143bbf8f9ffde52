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
    [Id(8)] public List<RefreshTokenRecord> RefreshTokens { get; set; } = [];
    [Id(9)] public DateTimeOffset? VerifiedAt { get; set; }
    [Id(10)] public string? VerifiedBy { get; set; }
    [Id(11)] public DateTimeOffset? PasswordChangedAt { get; set; }

    public bool Exists => Email is not null;

    public UserView ToView(string id) =>
        new(id, Email!, DisplayName, Role, Verified, Department, LicenseNumber, CreatedAt);
}

/// <summary>
/// One issued refresh token, stored only as its SHA-256 hash. Tokens descended from one sign-in
/// share a family, so presenting a token twice (a stolen copy) can revoke the whole family.
/// </summary>
[GenerateSerializer, Alias("MedPlatform.RefreshTokenRecord")]
public sealed class RefreshTokenRecord
{
    [Id(0)] public string Hash { get; set; } = "";
    [Id(1)] public string FamilyId { get; set; } = "";
    [Id(2)] public DateTimeOffset IssuedAt { get; set; }
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(4)] public DateTimeOffset? UsedAt { get; set; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(6)] public string? ClientAddress { get; set; }

    public bool IsLive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;
}
