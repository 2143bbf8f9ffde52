using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Hosting;

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
