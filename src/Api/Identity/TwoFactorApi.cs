using MedPlatform.Api.Auth;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace MedPlatform.Api.Identity;

/// <summary>Two-factor sign-in (TOTP): enrolment with a QR code, the second step of a sign-in, turning it off.</summary>
public static class TwoFactorApi
{
    public static IEndpointRouteBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login/two-factor", CompleteLogin).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(RateLimits.Authentication)
            .WithName("loginTwoFactor").WithSummary("Complete a sign-in with a code from the authenticator app or a recovery code").Refuses(401, 423);

        var twoFactor = app.MapGroup("/api/me/two-factor").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        twoFactor.MapPost("/setup", Setup).AllowedBeforeTwoFactor()
            .WithName("setUpTwoFactor").WithSummary("A new secret for an authenticator app, with its QR code; not active until confirmed").Refuses(409);
        twoFactor.MapPost("/confirm", Confirm).AllowedBeforeTwoFactor().RequireRateLimiting(RateLimits.Authentication)
            .WithName("confirmTwoFactor").WithSummary("Turn two-factor sign-in on with the password and a code from the app; answers the recovery codes, once; signs out every other device")
            .Refuses(409, 423);
        twoFactor.MapDelete("", Disable).RequireRateLimiting(RateLimits.Authentication)
            .WithName("disableTwoFactor").WithSummary("Turn two-factor sign-in off with the password and a code (not for administrators and pharmacists)")
            .Refuses(409, 422, 423);
        app.MapPost("/api/admin/users/{id}/two-factor/reset", Reset).WithTags("Administration").RequireAuthorization(Policies.Admin)
            .WithName("resetTwoFactor").WithSummary("Turn off another account's two-factor sign-in when its phone and recovery codes are lost; signs out every device")
            .Refuses(409, 422);
        return app;
    }

    static async Task<Ok<UserView>> Reset(string id, Caller admin, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Accounts().ResetTwoFactor(admin, id));

    private static IAccountsGrain Accounts(this IGrainFactory grains) => grains.GetGrain<IAccountsGrain>(0);

    static async Task<Ok<TokenResponse>> CompleteLogin(TwoFactorLoginRequest request, IGrainFactory grains, AccessTokens tokens, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.ChallengeToken))
            throw DomainException.Invalid("challengeToken", "Send the challenge token the sign-in answered.");
        if (string.IsNullOrWhiteSpace(request.Code) == string.IsNullOrWhiteSpace(request.RecoveryCode))
            throw DomainException.Invalid("code", "Send either the code your authenticator app shows or one of your recovery codes.");
        var signedIn = await grains.Accounts().CompleteSignIn(request.ChallengeToken, new SecondFactor(request.Code, request.RecoveryCode),
            context.ClientAddress(), context.Request.Headers.UserAgent.ToString());
        return TypedResults.Ok(tokens.Respond(signedIn));
    }

    static async Task<Ok<TwoFactorSetupResponse>> Setup(Caller caller, IGrainFactory grains)
    {
        var enrolment = await grains.Accounts().BeginTwoFactor(caller);
        return TypedResults.Ok(new TwoFactorSetupResponse(enrolment.Secret, enrolment.OtpauthUri, QrCodeSvg(enrolment.OtpauthUri)));
    }

    static async Task<Ok<RecoveryCodesResponse>> Confirm(TwoFactorConfirmRequest request, Caller caller, IGrainFactory grains, HttpContext context)
    {
        EnsurePasswordAndCode(request.Password, request.Code);
        var codes = await grains.Accounts().ConfirmTwoFactor(caller, request.Password!, request.Code!, context.User.FindFirst(ClaimNames.Session)?.Value);
        return TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    static async Task<NoContent> Disable([FromBody] DisableTwoFactorRequest request, Caller caller, IGrainFactory grains)
    {
        EnsurePasswordAndCode(request.Password, request.Code);
        await grains.Accounts().DisableTwoFactor(caller, request.Password!, request.Code!);
        return TypedResults.NoContent();
    }

    private static void EnsurePasswordAndCode(string? password, string? code)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(password))
            errors["password"] = ["Enter your password."];
        if (string.IsNullOrWhiteSpace(code))
            errors["code"] = ["Enter the code your authenticator app shows."];
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
    }

    /// <summary>The URI as an SVG QR code (medium error correction: scannable from a screen at an angle), sized by its viewBox.</summary>
    private static string QrCodeSvg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
