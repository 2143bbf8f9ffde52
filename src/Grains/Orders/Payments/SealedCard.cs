using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MedPlatform.Orders.Payments;

/// <summary>
/// A card sealed with the payment service's public key (RSA-OAEP, SHA-256), as real gateways'
/// client-side encryption does: the platform can check and seal a card without the gateway being
/// up, but only the gateway can open it. Orders keep the sealed card until it is charged.
/// </summary>
public static class SealedCard
{
    private const string Prefix = "sealed_";

    public static string Seal(CardDetails card, RSA publicKey)
    {
        var plain = Encoding.UTF8.GetBytes(string.Join('|', CardRules.Digits(card.Number),
            card.ExpiryMonth.ToString(CultureInfo.InvariantCulture), card.ExpiryYear.ToString(CultureInfo.InvariantCulture), card.Cvc));
        try
        {
            return Prefix + Convert.ToBase64String(publicKey.Encrypt(plain, RSAEncryptionPadding.OaepSHA256));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The card inside, or null when the text is not a card sealed with this key.</summary>
    public static CardDetails? Open(string sealedCard, RSA privateKey)
    {
        if (!sealedCard.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        byte[] plain;
        try
        {
            plain = privateKey.Decrypt(Convert.FromBase64String(sealedCard[Prefix.Length..]), RSAEncryptionPadding.OaepSHA256);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(plain).Split('|');
        CryptographicOperations.ZeroMemory(plain);
        return parts.Length == 4
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? new CardDetails(parts[0], month, year, parts[3])
            : null;
    }
}
