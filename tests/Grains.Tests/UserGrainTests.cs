using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Storage;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class UserGrainTests(GrainTestCluster cluster)
{
    private IUserGrain NewUserGrain() => cluster.Grains.GetGrain<IUserGrain>(UserIds.New());

    [Fact]
    public async Task Created_account_is_found_with_its_profile_and_without_verification()
    {
        var grain = NewUserGrain();
        var account = New(Role.Doctor);

        var created = await grain.Create(account);

        var found = await grain.Find();
        Assert.Equal(created, found);
        Assert.Equal(account.Email, found!.Email);
        Assert.Equal(Role.Doctor, found.Role);
        Assert.False(found.Verified);
        Assert.Equal("LIC-12345", found.LicenseNumber);
        Assert.Equal(cluster.Clock.GetUtcNow(), found.CreatedAt);
    }

    [Fact]
    public async Task Creating_a_second_account_under_one_id_is_a_conflict()
    {
        var grain = NewUserGrain();
        await grain.Create(New());

        await Refused(ProblemKind.Conflict, () => grain.Create(New()));
    }

    [Fact]
    public async Task An_invalid_account_is_never_stored()
    {
        var grain = NewUserGrain();

        var refusal = await Refused(ProblemKind.Invalid, () => grain.Create(New() with { Password = "short" }));

        Assert.Contains("password", refusal.Errors!.Keys);
        Assert.Null(await grain.Find());
    }

    [Fact]
    public async Task Wrong_password_does_not_sign_in()
    {
        var grain = NewUserGrain();
        await grain.Create(New());

        Assert.Null(await grain.SignIn("not-the-password", "10.0.0.1"));
        Assert.NotNull(await grain.SignIn(Password, "10.0.0.1"));
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_old_one_stops_working()
    {
        var grain = NewUserGrain();
        var user = await grain.Create(New());
        var first = Token(await grain.SignIn(Password, null));
        Assert.Equal(user.Id, first.UserId);

        var second = Token(await grain.Refresh(first.Session, first.Secret, null));

        Assert.Equal(first.Session, second.Session);
        Assert.NotEqual(first.Secret, second.Secret);
        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(first.Session, first.Secret, null));
    }

    [Fact]
    public async Task An_earlier_token_presented_again_ends_the_session_even_days_later()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var stolen = Token(await grain.SignIn(Password, null));
        var attackers = Token(await grain.Refresh(stolen.Session, stolen.Secret, null));
        cluster.Clock.Advance(TimeSpan.FromDays(3));

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(stolen.Session, stolen.Secret, null));

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(attackers.Session, attackers.Secret, null));
    }

    [Fact]
    public async Task Another_device_keeps_its_session_when_one_session_is_revoked()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var phone = Token(await grain.SignIn(Password, null));
        var laptop = Token(await grain.SignIn(Password, null));
        await grain.Refresh(phone.Session, phone.Secret, null);

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(phone.Session, phone.Secret, null));

        Assert.NotNull(await grain.Refresh(laptop.Session, laptop.Secret, null));
    }

    [Fact]
    public async Task A_refresh_token_expires()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var token = Token(await grain.SignIn(Password, null));

        cluster.Clock.Advance(TimeSpan.FromDays(15));

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(token.Session, token.Secret, null));
    }

    [Fact]
    public async Task Signing_in_on_more_devices_than_allowed_ends_the_oldest_session()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var sessions = new List<(string UserId, string Session, string Secret)>();
        for (var i = 0; i < 11; i++)
        {
            sessions.Add(Token(await grain.SignIn(Password, null)));
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(sessions[0].Session, sessions[0].Secret, null));
        Assert.NotNull(await grain.Refresh(sessions[1].Session, sessions[1].Secret, null));
    }

    [Fact]
    public async Task A_refresh_token_naming_a_user_id_in_another_spelling_is_not_a_token()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var signedIn = await grain.SignIn(Password, null);
        var parts = signedIn!.Session!.RefreshToken.Split('.');

        Assert.False(RefreshTokens.TryParse($"{parts[0].ToUpperInvariant()}.{parts[1]}.{parts[2]}", out _, out _, out _));
        await Refused(ProblemKind.Unauthorized, () => cluster.Grains.GetGrain<IAccountsGrain>(0)
            .Refresh($"{parts[0].ToUpperInvariant()}.{parts[1]}.{parts[2]}", null));
    }

    [Fact]
    public async Task A_user_grain_under_a_non_canonical_id_holds_no_account()
    {
        var id = UserIds.New();
        await cluster.Grains.GetGrain<IUserGrain>(id).Create(New());

        var other = cluster.Grains.GetGrain<IUserGrain>(id.ToUpperInvariant());

        Assert.Null(await other.Find());
        await Assert.ThrowsAsync<ArgumentException>(() => other.Create(New()));
    }

    [Fact]
    public async Task A_signed_in_network_becomes_known()
    {
        var grain = NewUserGrain();
        await grain.Create(New());

        await grain.SignIn(Password, "2001:db8:1:2::5");

        Assert.True(await grain.IsKnownNetwork("2001:db8:1:2::/64"));
        Assert.False(await grain.IsKnownNetwork("10.0.0.1"));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_device()
    {
        var grain = NewUserGrain();
        var user = await grain.Create(New());
        var token = Token(await grain.SignIn(Password, null));

        await grain.ChangePassword(user.AsCaller(), Password, "a-brand-new-passphrase");

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(token.Session, token.Secret, null));
        Assert.Null(await grain.SignIn(Password, null));
        Assert.NotNull(await grain.SignIn("a-brand-new-passphrase", null));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var grain = NewUserGrain();
        var user = await grain.Create(New());

        var refusal = await Refused(ProblemKind.Invalid, () => grain.ChangePassword(user.AsCaller(), "wrong-current-pass", "a-brand-new-passphrase"));

        Assert.Contains("currentPassword", refusal.Errors!.Keys);
    }

    [Fact]
    public async Task Someone_else_cannot_sign_out_or_change_the_password_of_an_account()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var stranger = new Caller(Guid.NewGuid().ToString("N"), Role.Patient, null);

        await Refused(ProblemKind.NotFound, () => grain.SignOut(stranger, null));
        await Refused(ProblemKind.NotFound, () => grain.ChangePassword(stranger, Password, "a-brand-new-passphrase"));
    }

    [Fact]
    public async Task Only_an_admin_verifies_and_only_a_doctor_can_be_verified()
    {
        var doctor = NewUserGrain();
        var doctorView = await doctor.Create(New(Role.Doctor));
        var patient = NewUserGrain();
        await patient.Create(New(Role.Patient));
        var admin = new Caller("some-admin", Role.Admin, null);

        await Refused(ProblemKind.Forbidden, () => doctor.VerifyDoctor(doctorView.AsCaller()));
        await Refused(ProblemKind.NotFound, () => patient.VerifyDoctor(admin));
        // A licence is only checked for a doctor reachable at the address they gave.
        await Refused(ProblemKind.Unprocessable, () => doctor.VerifyDoctor(admin));
        await cluster.Grains.ConfirmEmail(doctorView.Id);

        Assert.True((await doctor.VerifyDoctor(admin)).Verified);
        Assert.True((await doctor.VerifyDoctor(admin)).Verified);
    }

    [Fact]
    public async Task The_users_read_model_follows_the_account()
    {
        var grain = NewUserGrain();
        var created = await grain.Create(New(Role.Doctor));
        Assert.False(await VerifiedInReadModel(created.Id));
        await cluster.Grains.ConfirmEmail(created.Id);

        await grain.VerifyDoctor(new Caller("some-admin", Role.Admin, null));

        Assert.True(await VerifiedInReadModel(created.Id));
    }

    [Fact]
    public async Task A_lost_projection_is_restored_when_the_account_activates_again()
    {
        var grain = NewUserGrain();
        var created = await grain.Create(New());
        await cluster.Database.ExecuteAsync("DELETE FROM users WHERE id = @id;", c => c.Bind("id", created.Id));

        await cluster.Deactivate(grain);
        await grain.Find();

        Assert.False(await VerifiedInReadModel(created.Id));
    }

    /// <summary>The read model's verified flag; fails the test if the account has no row.</summary>
    private async Task<bool> VerifiedInReadModel(string id)
    {
        var rows = await cluster.Database.QueryAsync("SELECT verified FROM users WHERE id = @id;", c => c.Bind("id", id), r => r.GetInt64(0));
        Assert.True(rows.Count == 1, $"user {id} has {rows.Count} rows in the read model");
        return rows[0] == 1;
    }

    private static (string UserId, string Session, string Secret) Token(SignInAnswer? answer) => Token(answer?.Session);

    private static (string UserId, string Session, string Secret) Token(SignedIn? signedIn)
    {
        Assert.NotNull(signedIn);
        Assert.True(RefreshTokens.TryParse(signedIn.RefreshToken, out var userId, out var session, out var secret));
        return (userId, session, secret);
    }
}
