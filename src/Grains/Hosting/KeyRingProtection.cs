using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Hosting;

/// <summary>"DataProtection" section: a certificate (PKCS #12) that encrypts the key ring where it is kept.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx every Api instance and silo can read; with none, the keys are kept unencrypted (and the start-up log says so).</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// How the Data Protection key ring is guarded at rest. With a certificate configured it encrypts
/// every key. Without one the framework warns "No XML encryptor configured" each time it makes a
/// key, in words an operator cannot act on; instead the start-up log says once where the keys are,
/// that they are not encrypted, and what guards them or what to do.
/// </summary>
public static class KeyRingProtection
{
    /// <param name="unencryptedBecause">Why unencrypted keys are acceptable where they are, or what to do about it; said at start when no certificate is configured.</param>
    /// <param name="warn">Whether keys kept unencrypted deserve a warning (shared storage) or only a note (a private folder).</param>
    public static IDataProtectionBuilder ProtectKeysAsConfigured(this IDataProtectionBuilder protection, IConfiguration configuration,
        string where, string unencryptedBecause, bool warn)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        string report;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            // Decrypting looks in the machine's certificate stores unless it is told this one will do.
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            report = $"Data protection keys: {where}, encrypted with certificate {certificate.Thumbprint}.";
            warn = false;
        }
        else
        {
            protection.Services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
            report = $"Data protection keys: {where}, not encrypted: {unencryptedBecause}";
        }
        // First of the hosted services: Data Protection's own warms the key ring at start, and would make a
        // new key in place of one it cannot read before the check below could refuse to start.
        protection.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => new KeyRingReport(provider.GetRequiredService<IKeyManager>(),
            provider.GetRequiredService<IDataProtectionProvider>(), provider.GetRequiredService<ILogger<KeyRingReport>>(), report, warn)));
        return protection;
    }

    /// <summary>A folder only this account can open (on Unix; Windows folders inherit their parent's ACL).</summary>
    public static DirectoryInfo PrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var folder = Directory.CreateDirectory(path, owner);
        // An older install made it with the default mode.
        File.SetUnixFileMode(path, owner);
        return folder;
    }
}

/// <summary>
/// At start, makes sure the key ring can be used, and says how it is guarded. Every key kept must
/// be readable: Data Protection would otherwise quietly make a new key when a certificate is
/// missing or wrong, and what the old keys encrypted (two-factor secrets) would be lost at the
/// next sign-in instead of stopping the start. Then one round trip (a first start makes a key).
/// </summary>
internal sealed partial class KeyRingReport(IKeyManager keys, IDataProtectionProvider protection, ILogger<KeyRingReport> logger, string report, bool warn)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyCollection<IKey> kept;
        try
        {
            kept = keys.GetAllKeys();
        }
        catch (Exception e) when (e is not System.Security.Cryptography.CryptographicException)
        {
            // Redis may come up after this process, which keeps trying to reach it; the keys are read when first needed.
            LogNotChecked(e.Message);
            return Task.CompletedTask;
        }
        foreach (var key in kept.Where(key => !key.IsRevoked))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"Data protection key {key.KeyId} cannot be read ({e.GetType().Name}: {e.Message}). It was encrypted with a certificate that "
                    + "DataProtection:CertificatePath does not give now; without it, what the key encrypted (two-factor secrets) cannot be read.", e);
            }
        }
        var check = protection.CreateProtector("MedPlatform.KeyRing.StartCheck");
        check.Unprotect(check.Protect([1, 2, 3]));
        if (warn)
            LogUnprotected(report);
        else
            LogReport(report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report}")]
    private partial void LogReport(string report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Report}")]
    private partial void LogUnprotected(string report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data protection key ring could not be read at start, so it was not checked: {Reason}")]
    private partial void LogNotChecked(string reason);
}
