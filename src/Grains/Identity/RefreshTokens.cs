using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MedPlatform.Identity;

/// <summary>
/// The refresh token format: <c>{userId}.{sessionId}.{secret}</c>. The ids route the token to its
/// User grain and session; the 256-bit secret proves possession and is stored only as a hash.
/// </summary>
public static class RefreshTokens
{
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(secret)), Encoding.ASCII.GetBytes(hash));

    public static string Format(string userId, string sessionId, string secret) => $"{userId}.{sessionId}.{secret}";

    public static bool TryParse(string? token, out string userId, out string sessionId, out string secret)
    {
        userId = sessionId = secret = "";
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return false;
        var parts = token.Split('.');
        if (parts.Length != 3 || !UserIds.IsCanonical(parts[0]) || !UserIds.IsCanonical(parts[1]) || parts[2].Length == 0)
            return false;
        (userId, sessionId, secret) = (parts[0], parts[1], parts[2]);
        return true;
    }
}
