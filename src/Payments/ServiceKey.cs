using System.Security.Cryptography;

namespace MedPlatform.Payments;

/// <summary>
/// The service's RSA key pair: callers seal cards with the public half (GET /public-key), only the
/// service can open them. Made once and kept in the data directory, readable by its owner only.
/// </summary>
public sealed class ServiceKey(RSA key)
{
    public RSA Key => key;

    public string PublicPem { get; } = key.ExportSubjectPublicKeyInfoPem();

    public static ServiceKey LoadOrCreate(string path)
    {
        var key = RSA.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return new ServiceKey(key);
        }
        key.KeySize = 2048;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
            file.Write(key.ExportPkcs8PrivateKeyPem());
        return new ServiceKey(key);
    }
}
