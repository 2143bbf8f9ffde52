using System.Security.Cryptography;
using System.Text;
using MedPlatform.Api.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Auth;

/// <summary>The key that signs and validates access tokens.</summary>
public sealed class SigningKey
{
    private const string KeyFileName = "jwt-signing.key";

    public SigningKey(IOptions<JwtOptions> options, RunModeInfo runMode, IServiceProvider services)
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        }
        else if (runMode.Mode == RunMode.Embedded)
        {
            Key = new SymmetricSecurityKey(LoadOrCreate(services.GetRequiredService<EmbeddedOptions>().FullDataDirectory));
        }
        else
        {
            throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions),
                ["Cluster mode needs Jwt:SigningKey (environment Jwt__SigningKey), shared by every Api instance."]);
        }
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Generated once and kept with the data, so tokens survive a restart of the process.</summary>
    private static byte[] LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        var key = RandomNumberGenerator.GetBytes(64);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: false);
        return key;
    }
}
