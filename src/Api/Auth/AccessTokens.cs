using System.Security.Claims;
using MedPlatform.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Auth;

/// <summary>Mints the short-lived JWT access tokens; the grains issue the refresh tokens.</summary>
public sealed class AccessTokens(SigningKey signingKey, IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    /// <param name="sessionId">The signed-in device the token is for: it appears in the token so the device can be told apart.</param>
    public string Issue(UserView user, string? sessionId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(ClaimNames.Name, user.DisplayName),
                new Claim(ClaimNames.Role, ClaimNames.RoleValue(user.Role)),
                new Claim(ClaimNames.Verified, user.Verified ? "true" : "false"),
                new Claim(ClaimNames.TwoFactor, user.TwoFactorEnabled ? "on" : "off"),
                .. sessionId is null ? Array.Empty<Claim>() : [new Claim(ClaimNames.Session, sessionId)],
            ]),
        });
    }
}
