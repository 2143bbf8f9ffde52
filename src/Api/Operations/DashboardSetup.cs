using System.Security.Claims;
using MedPlatform.Api.Auth;
using MedPlatform.Audit;
using MedPlatform.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace MedPlatform.Api.Operations;

/// <summary>
/// The Orleans Dashboard at /dashboard, for administrators only. A browser cannot send the bearer
/// token with the dashboard's own page and data requests, so an admin first asks for a dashboard
/// session (POST /api/admin/dashboard-session, with the token): a short-lived, HttpOnly,
/// SameSite=Strict cookie that is only sent to /dashboard.
/// </summary>
public static class DashboardSetup
{
    public const string Scheme = "Dashboard";
    public const string Policy = "AdminDashboard";
    public const string Path = "/dashboard";
    public const string SessionNeeded = "Open a dashboard session first: POST /api/admin/dashboard-session with an administrator's access token.";

    public static IServiceCollection AddMedPlatformDashboard(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "medplatform-dashboard";
            cookie.Cookie.Path = Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = false;
            // An API answers 401/403, it does not redirect to a login page.
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireRole(ClaimNames.RoleValue(MedPlatform.Identity.Role.Admin)));
        return services;
    }

    /// <summary>The API's way in to the dashboard: a session cookie for an administrator's bearer token.</summary>
    public static IEndpointRouteBuilder MapDashboardSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/dashboard-session", OpenSession).RequireAuthorization(Policies.Admin)
            .WithTags("Administration").WithName("openDashboardSession").WithSummary("A 30-minute cookie for the Orleans Dashboard at /dashboard");
        return app;
    }

    public static IEndpointRouteBuilder MapMedPlatformDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(Policy).ExcludeFromDescription();
        return app;
    }

    static async Task<NoContent> OpenSession(Caller admin, HttpContext context, IGrainFactory grains)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimNames.Subject, admin.UserId), new Claim(ClaimNames.Role, ClaimNames.RoleValue(MedPlatform.Identity.Role.Admin))],
            Scheme, ClaimNames.Name, ClaimNames.Role);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        await grains.GetGrain<IAuditGrain>(0).Record(new AuditEntry(DateTimeOffset.UtcNow, admin.UserId, "admin.dashboard.opened", "dashboard", admin.ClientAddress, null));
        return TypedResults.NoContent();
    }
}
