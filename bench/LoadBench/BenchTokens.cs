using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MedPlatform.LoadBench;

/// <summary>
/// Access tokens for synthetic patients, signed with the key the benchmark gave the Api
/// (Jwt:SigningKey): a hundred thousand carts need a hundred thousand patients, and registering
/// them would measure password hashing instead. The Api checks tokens by signature alone.
/// </summary>
public sealed class BenchTokens(string signingKey)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(signingKey);

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public string PatientToken(string userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId, ["jti"] = Guid.NewGuid().ToString("N"), ["name"] = "Bench patient", ["role"] = "patient", ["verified"] = "false",
            ["iss"] = "medplatform", ["aud"] = "medplatform", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        }));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
