using System.Collections.Concurrent;
using System.Security.Claims;
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
/// <remarks>
/// One instance serves one scheme's parameters (it is built with the JwtBearer options): only the
/// signing key is compared on a hit, not the issuer or audience. The time is the base handler's
/// own (<see cref="DateTime.UtcNow"/>), so a remembered token is never judged by another clock.
/// </remarks>
public sealed class RememberingTokenHandler(int capacity = RememberingTokenHandler.DefaultCapacity) : JsonWebTokenHandler
{
    public const int DefaultCapacity = 10_000;

    /// <summary>
    /// Only what a request needs: its claims and the token's times. Keeping the parsed token and
    /// its identity instead cost about 11 KB a token (115 MB for 10,000 signed-in patients).
    /// </summary>
    private sealed record Remembered(IReadOnlyList<Claim> Claims, string? AuthenticationType, string NameType, string RoleType,
        ValidatedToken Token, SecurityKey Key);

    private readonly ConcurrentDictionary<string, Remembered> remembered = new(StringComparer.Ordinal);

    public int Count => remembered.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = DateTime.UtcNow;
        if (remembered.TryGetValue(token, out var hit))
        {
            if (ReferenceEquals(hit.Key, validationParameters.IssuerSigningKey) && now < hit.Token.ValidTo + validationParameters.ClockSkew)
                return Answer(hit);
            remembered.TryRemove(KeyValuePair.Create(token, hit));
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var expires } validated && expires > DateTime.MinValue
            && validationParameters.IssuerSigningKey is { } key)
        {
            MakeRoom(now);
            var identity = result.ClaimsIdentity;
            remembered[token] = new Remembered(
                [.. identity.Claims.Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer, c.OriginalIssuer))],
                identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType,
                new ValidatedToken(validated.Id, validated.Issuer, validated.ValidFrom, expires), key);
        }
        return result;
    }

    /// <summary>Each request gets its own identity: the pipeline may add claims to the one it is given.</summary>
    private static TokenValidationResult Answer(Remembered hit) => new()
    {
        IsValid = true,
        // The type the base handler answers: claim types compared exactly, as on the first request.
        ClaimsIdentity = new CaseSensitiveClaimsIdentity(hit.Claims, hit.AuthenticationType, hit.NameType, hit.RoleType),
        SecurityToken = hit.Token,
        Issuer = hit.Token.Issuer,
        TokenType = "JWT",
    };

    /// <summary>Bounded: expired entries go first; if that is not enough, everything goes and is validated again.</summary>
    private void MakeRoom(DateTime now)
    {
        if (remembered.Count < capacity)
            return;
        foreach (var (token, entry) in remembered)
            if (entry.Token.ValidTo <= now)
                remembered.TryRemove(token, out _);
        if (remembered.Count >= capacity)
            remembered.Clear();
    }

    /// <summary>The times and ids of a token that passed validation, without its text or parsed parts.</summary>
    private sealed class ValidatedToken(string id, string issuer, DateTime validFrom, DateTime validTo) : SecurityToken
    {
        public override string Id => id;
        public override string Issuer => issuer;
        public override SecurityKey? SecurityKey => null;
        public override SecurityKey? SigningKey
        {
            get => null;
            set => throw new NotSupportedException("A remembered token is shared by every request that sends it.");
        }
        public override DateTime ValidFrom => validFrom;
        public override DateTime ValidTo => validTo;
        public override string UnsafeToString() => $"validated token {id}";
    }
}
