using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Auth;

/// <summary>
/// Validates access tokens like <see cref="JsonWebTokenHandler"/> and remembers the ones that
/// passed, until they expire. A client sends the same token with every request for its whole
/// lifetime, and checking it again (parse, HMAC, claims) was 9 % of an add to cart's CPU
/// (docs/benchmarks.md). Validation is a pure function of the token's text, the key and the time,
/// and access tokens are stateless (nothing revokes one before it expires), so remembering a
/// success skips nothing: a remembered token is accepted only with the same signing key and
/// only while its expiry, checked at every use, has not passed. Failures are never remembered.
/// </summary>
public sealed class RememberingTokenHandler(TimeProvider clock, int capacity = RememberingTokenHandler.DefaultCapacity) : JsonWebTokenHandler
{
    public const int DefaultCapacity = 10_000;

    private sealed record Remembered(TokenValidationResult Result, SecurityKey Key, DateTime ExpiresUtc);

    private readonly ConcurrentDictionary<string, Remembered> remembered = new(StringComparer.Ordinal);

    public int Count => remembered.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (remembered.TryGetValue(token, out var hit))
        {
            if (ReferenceEquals(hit.Key, validationParameters.IssuerSigningKey) && now < hit.ExpiresUtc + validationParameters.ClockSkew)
                return Copy(hit.Result);
            remembered.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var expires } && expires > DateTime.MinValue
            && validationParameters.IssuerSigningKey is { } key)
        {
            MakeRoom(now);
            remembered[token] = new Remembered(Copy(result), key, expires);
        }
        return result;
    }

    /// <summary>Each request gets its own identity, and the remembered one is nobody's: the pipeline may add claims to the one it is given.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };

    /// <summary>Bounded: expired entries go first; if that is not enough, everything goes and is validated again.</summary>
    private void MakeRoom(DateTime now)
    {
        if (remembered.Count < capacity)
            return;
        foreach (var (token, entry) in remembered)
            if (entry.ExpiresUtc <= now)
                remembered.TryRemove(token, out _);
        if (remembered.Count >= capacity)
            remembered.Clear();
    }
}
