using System.Net;
using MedPlatform.TestSupport;
using OtpNet;

namespace MedPlatform.Api.Tests;

/// <summary>Two-factor sign-in over HTTP on a clock the test moves: the window, replay, recovery codes and the lock.</summary>
[Collection(nameof(MovableClockApi))]
public sealed class TwoFactorClockTests(MovableClockApiFactory api)
{
    private const string Password = "correct-horse-battery";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private readonly ApiClient client = api.NewClient();

    private string CodeAt(Totp authenticator, TimeSpan offset) => authenticator.ComputeTotp((api.Clock.GetUtcNow() + offset).UtcDateTime);

    private async Task<string> ChallengeAsync(string email)
    {
        var answer = (await client.PostAsync("/api/auth/login", new { email, password = Password })).Expect(HttpStatusCode.OK);
        Assert.True(answer["twoFactorRequired"]!.GetValue<bool>());
        return answer.Str("challengeToken");
    }

    private Task<ApiResponse> CompleteAsync(string challengeToken, string? code = null, string? recoveryCode = null) =>
        client.PostAsync("/api/auth/login/two-factor", new { challengeToken, code, recoveryCode });

    [Fact]
    public async Task Codes_are_accepted_once_one_step_either_side_recovery_codes_once_each_and_five_wrong_ones_lock()
    {
        var email = ApiClient.UniqueEmail("clock");
        await client.RegisterAsync(email, confirmEmail: false);
        var patient = await client.LoginAsync(email);
        var setup = (await client.PostAsync("/api/me/two-factor/setup", new { }, patient.AccessToken)).Expect(HttpStatusCode.OK);
        var authenticator = new Totp(Base32Encoding.ToBytes(setup.Str("secret")));
        var recovery = (await client.PostAsync("/api/me/two-factor/confirm", new { password = Password, code = CodeAt(authenticator, TimeSpan.Zero) }, patient.AccessToken))
            .Expect(HttpStatusCode.OK)["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        api.Clock.Advance(2 * Step);

        var challenge = await ChallengeAsync(email);
        (await CompleteAsync(challenge, CodeAt(authenticator, -2 * Step))).ExpectProblem(HttpStatusCode.BadRequest);
        (await CompleteAsync(challenge, CodeAt(authenticator, 2 * Step))).ExpectProblem(HttpStatusCode.BadRequest);
        (await CompleteAsync(challenge, CodeAt(authenticator, -Step))).Expect(HttpStatusCode.OK);

        var now = CodeAt(authenticator, TimeSpan.Zero);
        (await CompleteAsync(await ChallengeAsync(email), now)).Expect(HttpStatusCode.OK);
        challenge = await ChallengeAsync(email);
        (await CompleteAsync(challenge, now)).ExpectProblem(HttpStatusCode.BadRequest); // replayed
        (await CompleteAsync(challenge, CodeAt(authenticator, Step))).Expect(HttpStatusCode.OK);

        (await CompleteAsync(await ChallengeAsync(email), recoveryCode: recovery[0])).Expect(HttpStatusCode.OK);
        challenge = await ChallengeAsync(email);
        (await CompleteAsync(challenge, recoveryCode: recovery[0])).ExpectProblem(HttpStatusCode.BadRequest);
        (await CompleteAsync(challenge, recoveryCode: recovery[1])).Expect(HttpStatusCode.OK);

        challenge = await ChallengeAsync(email);
        for (var i = 0; i < 5; i++)
            (await CompleteAsync(challenge, CodeAt(authenticator, 10 * Step))).ExpectProblem(HttpStatusCode.BadRequest);
        // The wrong codes dropped that sign-in; a new one meets the lock, even with the right code.
        (await CompleteAsync(challenge, CodeAt(authenticator, 2 * Step))).ExpectProblem(HttpStatusCode.Unauthorized);
        challenge = await ChallengeAsync(email);
        var locked = await CompleteAsync(challenge, CodeAt(authenticator, 2 * Step));
        locked.ExpectProblem(HttpStatusCode.Locked);
        api.Clock.Advance(TimeSpan.FromSeconds(int.Parse(locked.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture)));
        (await CompleteAsync(challenge, CodeAt(authenticator, TimeSpan.Zero))).Expect(HttpStatusCode.OK);
    }
}
