namespace MedPlatform.Hosting;

/// <summary>"DataProtection" section: a certificate (PKCS #12) that encrypts the key ring where it is kept.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx every Api instance and silo can read; with none, the keys are kept unencrypted (and the start-up log says so).</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
