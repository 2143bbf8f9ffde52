using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Auth;

public static class AuthenticationSetup
{
    public static IServiceCollection AddMedPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section))
            .Validate(jwt => string.IsNullOrEmpty(jwt.SigningKey) || System.Text.Encoding.UTF8.GetByteCount(jwt.SigningKey) >= JwtOptions.MinimumKeyBytes,
                $"Jwt:SigningKey must be at least {JwtOptions.MinimumKeyBytes} bytes.")
            .Validate(jwt => !MedPlatform.Hosting.Placeholders.IsPlaceholder(jwt.SigningKey),
                "Jwt:SigningKey is still the example value: generate one, e.g. `openssl rand -base64 48`.")
            .Validate(jwt => jwt.AccessTokenLifetime > TimeSpan.Zero && jwt.AccessTokenLifetime <= TimeSpan.FromHours(1),
                "Jwt:AccessTokenLifetime must be between 0 and 1 hour.")
            .Validate(jwt => jwt.ClockSkew >= TimeSpan.Zero && jwt.ClockSkew <= TimeSpan.FromMinutes(5),
                "Jwt:ClockSkew must be between 0 and 5 minutes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKey>();
        services.AddSingleton<AccessTokens>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, IOptions<JwtOptions>>((bearer, key, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(new RememberingTokenHandler { MapInboundClaims = false });
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = jwt.Value.ClockSkew,
                };
            });
        services.AddAuthorizationBuilder().AddMedPlatformPolicies();
        return services;
    }
}
