using System.Globalization;
using System.Threading.RateLimiting;
using MedPlatform.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace MedPlatform.Api.Operations;

/// <summary>The "RateLimits" section: requests per client address per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Register, sign-in, refresh and password change, per client network (IPv4 address or IPv6 /64).
    /// Failed password checks are throttled separately, per account and network, in the grains.
    /// </summary>
    public int AuthenticationPerMinute { get; set; } = 60;

    /// <summary>Checkouts per signed-in patient: each one tokenizes a card, so card testing is slowed down.</summary>
    public int CheckoutPerMinute { get; set; } = 20;
}

public static class RateLimits
{
    public const string Authentication = nameof(Authentication);
    public const string Checkout = nameof(Checkout);

    public static IServiceCollection AddMedPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Authentication, context => RateLimitPartition.GetFixedWindowLimiter(
                MedPlatform.Identity.ClientNetworks.Of(context.ClientAddress()),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AuthenticationPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(Checkout, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ClaimNames.Subject)?.Value ?? MedPlatform.Identity.ClientNetworks.Of(context.ClientAddress()),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.CheckoutPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = 429, Detail = "Too many requests from your address. Wait a moment and try again." },
                });
            };
        });
        return services;
    }
}
