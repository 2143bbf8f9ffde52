using System.Security.Cryptography;

namespace MedPlatform.Identity;

/// <summary>
/// Two-factor recovery codes: 16 characters of base32 (80 random bits) in groups of four, so a
/// plain SHA-256 at rest is safe (nobody can try 2^80 codes against a stolen hash) and a person
/// can copy one from paper. Read back forgivingly: case, spaces and dashes do not matter.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }

    /// <summary>The code as it is hashed: lower case, without separators.</summary>
    public static string Normalize(string typed) =>
        string.Concat(typed.Where(c => c is not ('-' or ' '))).ToLowerInvariant();

    public static string HashOf(string code) => RefreshTokens.HashOf(Normalize(code));
}
