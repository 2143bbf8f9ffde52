using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace MedPlatform.Identity;

/// <summary>
/// The refresh token format: <c>{userId}.{secret}</c>. The user id routes the token to its User
/// grain; the 256-bit secret is what proves possession and is stored only as a hash.
/// </summary>
public static class RefreshTokens
{
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Format(string userId, string secret) => $"{userId}.{secret}";

    public static bool TryParse(string? token, out string userId, out string secret)
    {
        userId = secret = "";
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return false;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1) return false;
        userId = token[..dot];
        secret = token[(dot + 1)..];
        return true;
    }
}
