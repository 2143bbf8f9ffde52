using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using OtpNet;

namespace MedPlatform.TestSupport;

/// <summary>
/// The authenticator apps of one platform's staff, as the tests hold them: administrators and
/// pharmacists must sign in with a second factor, so a test client enrols them the first time they
/// sign in and types a code from here every time after. One per running platform (every client of
/// it shares it), since each platform's database holds its own secrets.
/// </summary>
public sealed class Authenticators
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Phone> phones = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One account's app: its secret, its recovery codes and the last time step whose code it typed.</summary>
    public sealed class Phone(string secret, IReadOnlyList<string> recoveryCodes)
    {
        private IReadOnlyList<string> saved = recoveryCodes;
        private readonly Totp totp = new(Base32Encoding.ToBytes(secret));
        private long lastStep = -1;

        public string Secret => secret;
        public IReadOnlyList<string> RecoveryCodes => saved;

        /// <summary>Keeps the codes shown after enrolment (a browser test reads them from the page after it typed the first code).</summary>
        public void RecoveryCodesSaved(IReadOnlyList<string> codes) => saved = codes;
        /// <summary>The newest session this account signed in with, for a sign-in within a step that was used already.</summary>
        public SignedInUser? LastSession { get; set; }

        /// <summary>A code of a step not typed before, or null when this step's was (the server accepts a step once).</summary>
        public string? FreshCode()
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
            if (step <= lastStep)
                return null;
            lastStep = step;
            return totp.ComputeTotp(DateTime.UtcNow);
        }

        /// <summary>
        /// The code of the step after this one, or null when that was typed already. The server
        /// accepts one step either side (for clocks that drift), so it works now, without waiting.
        /// </summary>
        public string? CodeOfNextStep()
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)Step.TotalSeconds + 1;
            if (step <= lastStep)
                return null;
            lastStep = step;
            return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * (long)Step.TotalSeconds).UtcDateTime);
        }

        /// <summary>Waits for the next time step and answers its code.</summary>
        public async Task<string> NextCodeAsync()
        {
            string? code;
            while ((code = FreshCode()) is null)
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            return code;
        }
    }

    private readonly ConcurrentDictionary<string, SemaphoreSlim> turns = new(StringComparer.OrdinalIgnoreCase);

    public Phone? Of(string email) => phones.GetValueOrDefault(email);

    /// <summary>Serialises one account's sign-ins in the tests, so two never enrol at once or want the same step.</summary>
    public SemaphoreSlim TurnOf(string email) => turns.GetOrAdd(email, _ => new SemaphoreSlim(1, 1));

    public Phone Add(string email, string secret, IReadOnlyList<string> recoveryCodes) => phones[email] = new Phone(secret, recoveryCodes);

    public static bool MustEnrol(string role) => role is "admin" or "pharmacist";

    /// <summary>Enrols a signed-in account's authenticator (setup, then confirm with a code) and answers the tokens that carry it.</summary>
    public async Task<SignedInUser> EnrolAsync(ApiClient client, SignedInUser user, string password)
    {
        var setup = (await client.PostAsync("/api/me/two-factor/setup", new { }, user.AccessToken)).Expect(HttpStatusCode.OK);
        var secret = setup.Str("secret");
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var confirmed = (await client.PostAsync("/api/me/two-factor/confirm", new { password, code = totp.ComputeTotp(DateTime.UtcNow) }, user.AccessToken))
            .Expect(HttpStatusCode.OK);
        var phone = Add(user.Email, secret, [.. confirmed["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>())]);
        phone.FreshCode(); // the step just used for confirming
        // The access token was issued before the second factor existed; the refreshed one says it is on.
        var refreshed = SignedInUser.From((await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).Expect(HttpStatusCode.OK));
        phone.LastSession = refreshed;
        return refreshed;
    }

    /// <summary>
    /// Completes a sign-in the password started. With a step not yet used, as a person does: a code.
    /// Within a step already used (tests sign staff in often), by renewing the account's newest
    /// session instead, as the app on an already signed-in device would; without one, it waits for
    /// the next step.
    /// </summary>
    public async Task<SignedInUser> CompleteAsync(ApiClient client, string email, JsonNode challenge)
    {
        var phone = Of(email) ?? throw new InvalidOperationException(
            $"{email} has two-factor on, but no test enrolled its authenticator on this platform: sign it in through ApiClient.LoginAsync first.");
        var token = challenge.Str("challengeToken");
        var code = phone.FreshCode();
        if (code is null && phone.LastSession is { } last)
        {
            var renewed = await client.PostAsync("/api/auth/refresh", new { refreshToken = last.RefreshToken });
            if (renewed.Status == HttpStatusCode.OK)
                return phone.LastSession = SignedInUser.From(renewed.Json);
        }
        code ??= phone.CodeOfNextStep() ?? await phone.NextCodeAsync();
        var signedIn = SignedInUser.From((await client.PostAsync("/api/auth/login/two-factor", new { challengeToken = token, code })).Expect(HttpStatusCode.OK));
        return phone.LastSession = signedIn;
    }
}
