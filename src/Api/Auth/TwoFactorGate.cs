using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Api.Auth;

/// <summary>Marks the endpoints an administrator or pharmacist may use before enrolling a second factor: enrolment itself, who am I, their devices, sign out.</summary>
public sealed class AllowedBeforeTwoFactorMetadata
{
    public static readonly AllowedBeforeTwoFactorMetadata Instance = new();
}

/// <summary>
/// Administrators and pharmacists can read every patient's prescriptions and orders, so a password
/// alone does not let them in: until they enrol a second factor, every endpoint but enrolment
/// answers their token 403 <c>two-factor-required</c>. Runs before authorization, so the answer is
/// the same whatever the endpoint's own policy (and a client learns what to do, not "forbidden").
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Enum.TryParse<Role>(user.FindFirst(ClaimNames.Role)?.Value, ignoreCase: true, out var role) && role.RequiresTwoFactor()
            && user.FindFirst(ClaimNames.TwoFactor)?.Value != "on"
            && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<AllowedBeforeTwoFactorMetadata>() is null
            && context.Request.Path.StartsWithSegments("/api"))
        {
            throw DomainException.TwoFactorRequired(
                "Administrators and pharmacists sign in with a second factor. Set up an authenticator app first: POST /api/me/two-factor/setup, then confirm it with a code.");
        }
        return next(context);
    }
}

public static class TwoFactorGateExtensions
{
    public static TBuilder AllowedBeforeTwoFactor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AllowedBeforeTwoFactorMetadata.Instance);
}
