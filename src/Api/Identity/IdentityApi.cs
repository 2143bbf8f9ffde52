using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Identity;

/// <summary>Accounts: registration, sign-in with refresh-token rotation, the caller's own account, and the admin's user management.</summary>
public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/register", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithSummary("Register as a patient or a doctor");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithSummary("Sign in: an access token and a refresh token");
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithSummary("Exchange a refresh token for new tokens; each refresh token works once");
        auth.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Revoke the given refresh token, or all of the caller's when none is given");

        var me = app.MapGroup("/api/me").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        me.MapGet("", GetMe).WithSummary("The signed-in account");
        me.MapPost("/password", ChangePassword).RequireRateLimiting(RateLimits.Authentication)
            .WithSummary("Change the password; signs out every device");

        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", ListUsers).WithSummary("Accounts, newest first, by role and verification");
        admin.MapPost("/users", CreateStaff).WithSummary("Create a pharmacist or an administrator");
        admin.MapPost("/doctors/{id}/verify", VerifyDoctor).WithSummary("Confirm a doctor's licence");
        return app;
    }

    private static IAccountsGrain Accounts(this IGrainFactory grains) => grains.GetGrain<IAccountsGrain>(0);

    static async Task<Created<UserResponse>> Register(RegisterRequest request, IGrainFactory grains, HttpContext context)
    {
        var user = await grains.Accounts().Register(request.ToAccount(), context.ClientAddress());
        return TypedResults.Created((string?)null, UserResponse.From(user));
    }

    static async Task<Ok<TokenResponse>> Login(LoginRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        request.EnsureComplete();
        var signedIn = await grains.Accounts().SignIn(request.Email!, request.Password!, context.ClientAddress());
        return TypedResults.Ok(tokens.Respond(signedIn));
    }

    static async Task<Ok<TokenResponse>> Refresh(RefreshRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            throw DomainException.Invalid("refreshToken", "Send the refresh token you were given at sign-in.");
        var signedIn = await grains.Accounts().Refresh(request.RefreshToken, context.ClientAddress());
        return TypedResults.Ok(tokens.Respond(signedIn));
    }

    static async Task<NoContent> Logout(LogoutRequest? request, IGrainFactory grains, HttpContext context)
    {
        await grains.Accounts().SignOut(context.ToCaller(), string.IsNullOrWhiteSpace(request?.RefreshToken) ? null : request.RefreshToken);
        return TypedResults.NoContent();
    }

    static async Task<Ok<UserResponse>> GetMe(IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(UserResponse.From(await grains.Accounts().Me(context.ToCaller())));

    static async Task<NoContent> ChangePassword(ChangePasswordRequest request, IGrainFactory grains, HttpContext context)
    {
        request.EnsureComplete();
        await grains.Accounts().ChangePassword(context.ToCaller(), request.CurrentPassword!, request.NewPassword!);
        return TypedResults.NoContent();
    }

    static async Task<Ok<Paged<UserResponse>>> ListUsers(string? role, bool? verified, int? page, int? pageSize, IGrainFactory grains, HttpContext context)
    {
        var query = new UserQuery(IdentityValidation.ParseRoleFilter(role), verified, Paging.From(page, pageSize));
        var users = await grains.Accounts().ListUsers(context.ToCaller(), query);
        return TypedResults.Ok(Paged<UserResponse>.From(users, UserResponse.From));
    }

    static async Task<Created<UserResponse>> CreateStaff(CreateStaffRequest request, IGrainFactory grains, HttpContext context)
    {
        var user = await grains.Accounts().CreateStaff(context.ToCaller(), request.ToAccount());
        return TypedResults.Created((string?)null, UserResponse.From(user));
    }

    static async Task<Ok<UserResponse>> VerifyDoctor(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(UserResponse.From(await grains.Accounts().VerifyDoctor(context.ToCaller(), id)));

    private static TokenResponse Respond(this AccessTokens tokens, SignedIn signedIn) =>
        new(tokens.Issue(signedIn.User), "Bearer", (int)tokens.Lifetime.TotalSeconds, signedIn.RefreshToken,
            signedIn.RefreshTokenExpiresAt, UserResponse.From(signedIn.User));
}
