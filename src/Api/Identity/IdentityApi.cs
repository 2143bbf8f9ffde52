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
            .WithName("register").WithSummary("Register as a patient or a doctor").Refuses(409);
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("login").WithSummary("Sign in: an access token and a refresh token, or with two-factor on a challenge token for the second step").Refuses(401, 423);
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("refreshTokens").WithSummary("Exchange a refresh token for new tokens; each refresh token works once").Refuses(401);
        auth.MapPost("/verify-email", VerifyEmail).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("verifyEmail").WithSummary("Confirm the email address with the token from the confirmation link; each token works once");
        auth.MapPost("/forgot-password", ForgotPassword).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("forgotPassword").WithSummary("Mail a password reset link; answers the same whether or not the address has an account").Refuses(429);
        auth.MapPost("/reset-password", ResetPassword).AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("resetPassword").WithSummary("Choose a new password with the token from a reset link; signs out every device");
        auth.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn).AllowedBeforeTwoFactor()
            .WithName("logout").WithSummary("Revoke the given refresh token, or all of the caller's when none is given");

        var me = app.MapGroup("/api/me").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        me.MapGet("", GetMe).AllowedBeforeTwoFactor().WithName("getMe").WithSummary("The signed-in account").Refuses(404);
        me.MapPost("/password", ChangePassword).RequireRateLimiting(RateLimits.Authentication)
            .WithName("changePassword").WithSummary("Change the password; signs out every device").Refuses(423);
        me.MapPost("/verification-email", ResendConfirmation).RequireRateLimiting(RateLimits.Authentication)
            .WithName("resendVerificationEmail").WithSummary("Mail a new confirmation link").Refuses(409, 429);
        me.MapGet("/sessions", Sessions).AllowedBeforeTwoFactor().WithName("listSessions").WithSummary("Your signed-in devices, the most recently active first");
        me.MapDelete("/sessions/{id}", EndSession).AllowedBeforeTwoFactor().WithName("endSession")
            .WithSummary("Sign a device out: its refresh token stops working at once, its access token when it expires");

        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", ListUsers).WithName("listUsers").WithSummary("Accounts, newest first, by role and verification");
        admin.MapPost("/users", CreateStaff).WithName("createStaff").WithSummary("Create a pharmacist or an administrator").Refuses(409);
        admin.MapPost("/doctors/{id}/verify", VerifyDoctor).WithName("verifyDoctor").WithSummary("Confirm a doctor's licence");
        return app;
    }

    private static IAccountsGrain Accounts(this IGrainFactory grains) => grains.GetGrain<IAccountsGrain>(0);

    static async Task<Created<UserView>> Register(RegisterRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Created((string?)null, await grains.Accounts().Register(request.ToAccount(), context.ClientAddress()));

    static async Task<Ok<TokenResponse>> Login(LoginRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        request.EnsureComplete();
        var answer = await grains.Accounts().SignIn(request.Email!, request.Password!, context.ClientAddress(), context.Request.Headers.UserAgent.ToString());
        return TypedResults.Ok(answer.Challenge is { } challenge ? TokenResponse.Challenge(challenge) : tokens.Respond(answer.Session!));
    }

    static async Task<Ok<TokenResponse>> Refresh(RefreshRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            throw DomainException.Invalid("refreshToken", "Send the refresh token you were given at sign-in.");
        var signedIn = await grains.Accounts().Refresh(request.RefreshToken, context.ClientAddress());
        return TypedResults.Ok(tokens.Respond(signedIn));
    }

    static async Task<NoContent> Logout(LogoutRequest? request, Caller caller, IGrainFactory grains)
    {
        await grains.Accounts().SignOut(caller, string.IsNullOrWhiteSpace(request?.RefreshToken) ? null : request.RefreshToken);
        return TypedResults.NoContent();
    }

    static async Task<Ok<IReadOnlyList<SessionView>>> Sessions(Caller caller, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(await grains.GetGrain<IUserGrain>(caller.UserId).Sessions(caller, context.User.FindFirst(ClaimNames.Session)?.Value));

    static async Task<NoContent> EndSession(string id, Caller caller, IGrainFactory grains)
    {
        var user = grains.GetGrain<IUserGrain>(caller.UserId);
        if (!(await user.Sessions(caller, null)).Any(s => s.Id == id))
            throw DomainException.NotFound("No such signed-in device.");
        await user.SignOut(caller, id);
        return TypedResults.NoContent();
    }

    static async Task<Ok<UserView>> VerifyEmail(VerifyEmailRequest request, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(await grains.Accounts().ConfirmEmail(request.Token ?? "", context.ClientAddress()));

    static async Task<Accepted> ResendConfirmation(Caller caller, IGrainFactory grains)
    {
        await grains.Accounts().ResendConfirmation(caller);
        return TypedResults.Accepted((string?)null);
    }

    static async Task<Accepted> ForgotPassword(ForgotPasswordRequest request, IGrainFactory grains, HttpContext context)
    {
        request.EnsureComplete();
        await grains.Accounts().ForgotPassword(request.Email!, context.ClientAddress());
        return TypedResults.Accepted((string?)null);
    }

    static async Task<NoContent> ResetPassword(ResetPasswordRequest request, IGrainFactory grains, HttpContext context)
    {
        request.EnsureComplete();
        await grains.Accounts().ResetPassword(request.Token!, request.NewPassword!, context.ClientAddress());
        return TypedResults.NoContent();
    }

    static async Task<Ok<UserView>> GetMe(Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Accounts().Me(caller));

    static async Task<NoContent> ChangePassword(ChangePasswordRequest request, Caller caller, IGrainFactory grains)
    {
        request.EnsureComplete();
        await grains.Accounts().ChangePassword(caller, request.CurrentPassword!, request.NewPassword!);
        return TypedResults.NoContent();
    }

    static async Task<Ok<PagedResult<UserView>>> ListUsers(string? role, bool? verified, [AsParameters] PageQuery paging, Caller admin, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Accounts().ListUsers(admin, new UserQuery(IdentityValidation.ParseRoleFilter(role), verified, paging.ToRequest())));

    static async Task<Created<UserView>> CreateStaff(CreateStaffRequest request, Caller admin, IGrainFactory grains) =>
        TypedResults.Created((string?)null, await grains.Accounts().CreateStaff(admin, request.ToAccount()));

    static async Task<Ok<UserView>> VerifyDoctor(string id, Caller admin, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Accounts().VerifyDoctor(admin, id));

    internal static TokenResponse Respond(this AccessTokens tokens, SignedIn signedIn) =>
        new(tokens.Issue(signedIn.User, RefreshTokens.TryParse(signedIn.RefreshToken, out _, out var session, out _) ? session : null), "Bearer", (int)tokens.Lifetime.TotalSeconds, signedIn.RefreshToken, signedIn.RefreshTokenExpiresAt, signedIn.User);
}
