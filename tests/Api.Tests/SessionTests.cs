using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class SessionTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task Login_answers_tokens_and_the_account()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);

        var json = (await client.PostAsync("/api/auth/login", new { email, password = "correct-horse-battery" })).Expect(HttpStatusCode.OK);

        Assert.Equal("Bearer", json.Str("tokenType"));
        Assert.Equal(900, json["expiresIn"]!.GetValue<int>());
        Assert.Equal(3, json.Str("accessToken").Split('.').Length);
        Assert.False(string.IsNullOrEmpty(json.Str("refreshToken")));
        Assert.Equal(email, json["user"]!.Str("email"));
        Assert.Equal("patient", json["user"]!.Str("role"));
    }

    [Fact]
    public async Task Me_answers_the_signed_in_account()
    {
        var user = await client.RegisterAndLoginAsync("doctor");

        var me = (await client.GetAsync("/api/me", user.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal(user.Id, me.Str("id"));
        Assert.Equal(user.Email, me.Str("email"));
        Assert.Equal("doctor", me.Str("role"));
        Assert.False(me["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Refresh_gives_new_working_tokens()
    {
        var user = await client.RegisterAndLoginAsync();

        var refreshed = SignedInUser.From((await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).Expect(HttpStatusCode.OK));

        Assert.NotEqual(user.RefreshToken, refreshed.RefreshToken);
        (await client.GetAsync("/api/me", refreshed.AccessToken)).Expect(HttpStatusCode.OK);
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = refreshed.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_reusing_it_ends_the_session()
    {
        var user = await client.RegisterAndLoginAsync();
        var rotated = SignedInUser.From((await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).Expect(HttpStatusCode.OK));

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("abc.def.ghi")]
    [InlineData("0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef.secret")]
    public async Task A_made_up_refresh_token_is_401(string token)
    {
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = token })).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_refresh_token_is_a_400_field_error()
    {
        var problem = (await client.PostAsync("/api/auth/refresh", new { refreshToken = "" })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("refreshToken"));
    }

    [Fact]
    public async Task A_refresh_token_with_its_user_id_in_capitals_is_401()
    {
        var user = await client.RegisterAndLoginAsync();
        var parts = user.RefreshToken.Split('.');

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = $"{parts[0].ToUpperInvariant()}.{parts[1]}.{parts[2]}" }))
            .ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/auth/logout", new { refreshToken = user.RefreshToken }, user.AccessToken)).Expect(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_of_one_device_keeps_the_other_signed_in()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);
        var phone = await client.LoginAsync(email);
        var laptop = await client.LoginAsync(email);

        (await client.PostAsync("/api/auth/logout", new { refreshToken = phone.RefreshToken }, phone.AccessToken)).Expect(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = laptop.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_without_a_token_in_the_body_signs_out_every_device()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);
        var phone = await client.LoginAsync(email);
        var laptop = await client.LoginAsync(email);

        (await client.PostAsync("/api/auth/logout", null, phone.AccessToken)).Expect(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = laptop.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Someone_elses_refresh_token_cannot_be_logged_out()
    {
        var victim = await client.RegisterAndLoginAsync();
        var other = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/auth/logout", new { refreshToken = victim.RefreshToken }, other.AccessToken)).Expect(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = victim.RefreshToken })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_revokes_refresh_tokens_and_only_the_new_password_signs_in()
    {
        var user = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "another-good-passphrase" }, user.AccessToken))
            .Expect(HttpStatusCode.NoContent);

        (await client.PostAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/login", new { email = user.Email, password = "correct-horse-battery" })).ExpectProblem(HttpStatusCode.Unauthorized);
        await client.LoginAsync(user.Email, "another-good-passphrase");
    }

    [Fact]
    public async Task Guessing_the_current_password_locks_like_failed_sign_ins()
    {
        var user = await client.RegisterAndLoginAsync();
        for (var i = 0; i < 5; i++)
            (await client.PostAsync("/api/me/password", new { currentPassword = $"guess-number-{i}", newPassword = "another-good-passphrase" }, user.AccessToken))
                .ExpectProblem(HttpStatusCode.BadRequest);

        (await client.PostAsync("/api/me/password", new { currentPassword = "correct-horse-battery", newPassword = "another-good-passphrase" }, user.AccessToken))
            .ExpectProblem((HttpStatusCode)423);
        (await client.PostAsync("/api/auth/login", new { email = user.Email, password = "correct-horse-battery" })).ExpectProblem((HttpStatusCode)423);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_field_error()
    {
        var user = await client.RegisterAndLoginAsync();

        var problem = (await client.PostAsync("/api/me/password", new { currentPassword = "not-my-password", newPassword = "another-good-passphrase" }, user.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("currentPassword"));
    }

    [Fact]
    public async Task Signed_in_devices_are_listed_with_this_one_marked_and_another_one_can_be_signed_out()
    {
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);
        async Task<SignedInUser> SignInWithAsync(string userAgent) => SignedInUser.From((await client.SendAsync(HttpMethod.Post, "/api/auth/login",
            new { email, password = "correct-horse-battery" }, headers: new Dictionary<string, string> { ["User-Agent"] = userAgent })).Expect(HttpStatusCode.OK));
        var phone = await SignInWithAsync("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        var laptop = await SignInWithAsync("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");

        var devices = (await client.GetAsync("/api/me/sessions", laptop.AccessToken)).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal(2, devices.Count);
        var current = Assert.Single(devices, d => d!["current"]!.GetValue<bool>())!;
        Assert.Contains("Firefox", current.Str("userAgent"));
        var other = Assert.Single(devices, d => !d!["current"]!.GetValue<bool>())!;
        Assert.Contains("Android", other.Str("userAgent"));
        Assert.False(string.IsNullOrEmpty(other.Str("clientAddress")));

        (await client.SendAsync(HttpMethod.Delete, $"/api/me/sessions/{other.Str("id")}", token: laptop.AccessToken)).Expect(HttpStatusCode.NoContent);

        // The phone can no longer renew its sign-in; the laptop still can, and lists itself only.
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken })).ExpectProblem(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = laptop.RefreshToken })).Expect(HttpStatusCode.OK);
        Assert.Single((await client.GetAsync("/api/me/sessions", laptop.AccessToken)).Expect(HttpStatusCode.OK).AsArray());
        (await client.SendAsync(HttpMethod.Delete, $"/api/me/sessions/{other.Str("id")}", token: laptop.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        // Someone else's device is nobody's here.
        var stranger = await client.RegisterAndLoginAsync();
        (await client.SendAsync(HttpMethod.Delete, $"/api/me/sessions/{current.Str("id")}", token: stranger.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/me/sessions")).ExpectProblem(HttpStatusCode.Unauthorized);
    }
}
