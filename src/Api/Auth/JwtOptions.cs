namespace MedPlatform.Api.Auth;

/// <summary>The "Jwt" section: access-token settings.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "medplatform";
    public string Audience { get; set; } = "medplatform";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far clocks of the Api instances may disagree when checking a token's expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// HMAC-SHA256 key, at least 32 bytes of UTF-8. Required in cluster mode (every Api instance
    /// must accept the others' tokens); in embedded mode one is generated into the data directory.
    /// </summary>
    public string? SigningKey { get; set; }
}
