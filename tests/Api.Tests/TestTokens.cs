using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Tests;

/// <summary>Mints access tokens the way an attacker or a clock would: expired, foreign-signed, tampered.</summary>
internal static class TestTokens
{
    public static string Forge(string subject, string role, DateTime expires, string signingKey = EmbeddedApiFactory.SigningKey,
        string issuer = "medplatform", string audience = "medplatform")
    {
        var issuedAt = expires.AddMinutes(-15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role), new Claim("name", "Forged"), new Claim("verified", "true")]),
        });
    }

    /// <summary>The same token with its payload edited: here, the role claim raised to admin.</summary>
    public static string RaiseRoleToAdmin(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var edited = payload.Replace("\"role\":\"patient\"", "\"role\":\"admin\"", StringComparison.Ordinal);
        if (edited == payload)
            throw new InvalidOperationException("The token has no patient role to raise: " + payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(edited))}.{parts[2]}";
    }
}
