using System.Security.Cryptography;
using System.Text;
using MedPlatform.Identity;

namespace MedPlatform.Mall;

/// <summary>Product ids: 32 lowercase hex digits like every other grain key.</summary>
public static class ProductIds
{
    public static string New() => UserIds.New();

    public static bool IsCanonical(string? id) => UserIds.IsCanonical(id);

    /// <summary>A starter-catalog product has the same id in every installation, derived from its short name.</summary>
    public static string ForStarter(string slug) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("medplatform-catalog:" + slug)))[..32];
}
