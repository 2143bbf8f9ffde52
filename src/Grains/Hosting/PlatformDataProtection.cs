namespace MedPlatform.Hosting;

/// <summary>
/// ASP.NET Core Data Protection as the platform uses it: one key ring for every Api instance and
/// silo (Redis in cluster mode, the data directory in embedded mode), so what one process encrypts
/// (a two-factor secret, a dashboard cookie) another can read.
/// </summary>
public static class PlatformDataProtection
{
    public const string ApplicationName = "medplatform";

    /// <summary>Where cluster mode keeps the key ring.</summary>
    public const string RedisKey = "medplatform:data-protection-keys";

    /// <summary>What cluster mode says at start when the keys in Redis are not encrypted.</summary>
    public const string UnencryptedInRedis =
        "anyone who can read Redis can read them, and with them the two-factor secrets in the database. "
        + "Set DataProtection:CertificatePath (and CertificatePassword) to a certificate every Api instance and silo holds.";

    /// <summary>The purpose two-factor secrets are encrypted under; a new version of the format gets a new purpose.</summary>
    public const string TwoFactorSecretPurpose = "MedPlatform.TwoFactor.Secret.v1";
}
