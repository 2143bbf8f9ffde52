using System.Security.Claims;
using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Api.Auth;

public static class CallerExtensions
{
    /// <summary>
    /// Lets a handler take the signed-in <see cref="Caller"/> as a parameter: it is built once per
    /// request from the validated token. Only for endpoints behind an authenticated policy; visitors'
    /// endpoints use <see cref="ViewerOrNull"/>.
    /// </summary>
    public static IServiceCollection AddCallerBinding(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped(provider =>
            (provider.GetRequiredService<IHttpContextAccessor>().HttpContext
                ?? throw new InvalidOperationException("A caller exists only within a request.")).ToCaller());

    /// <summary>The signed-in caller as grains see it. Only for endpoints behind an authenticated policy.</summary>
    public static Caller ToCaller(this HttpContext context)
    {
        var user = context.User;
        var id = user.FindFirstValue(ClaimNames.Subject)
            ?? throw new InvalidOperationException("The endpoint needs an authenticated policy to build a caller.");
        var role = Enum.Parse<Role>(user.FindFirstValue(ClaimNames.Role)!, ignoreCase: true);
        return new Caller(id, role, context.ClientAddress());
    }

    /// <summary>The signed-in caller, or null for a visitor (no token, or one that did not validate).</summary>
    public static Caller? ViewerOrNull(this HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.ToCaller() : null;

    /// <summary>The client's address, after the trusted proxies' X-Forwarded-For has been applied.</summary>
    public static string? ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
