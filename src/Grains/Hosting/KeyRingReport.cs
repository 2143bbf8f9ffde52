using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Hosting;

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
