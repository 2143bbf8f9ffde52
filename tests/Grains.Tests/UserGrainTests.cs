using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Storage;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class UserGrainTests(GrainTestCluster cluster)
{
    private IUserGrain NewUserGrain() => cluster.Grains.GetGrain<IUserGrain>(Guid.NewGuid().ToString("N"));

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
        var first = await grain.SignIn(Password, null);
        Assert.True(RefreshTokens.TryParse(first!.RefreshToken, out var userId, out var firstSecret));
        Assert.Equal(user.Id, userId);

        var second = await grain.Refresh(firstSecret, null);

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(firstSecret, null));
    }

    [Fact]
    public async Task A_rotated_token_presented_again_revokes_every_token_descended_from_it()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        var signedIn = await grain.SignIn(Password, null);
        RefreshTokens.TryParse(signedIn!.RefreshToken, out _, out var stolen);
        var legitimate = await grain.Refresh(stolen, null);
        RefreshTokens.TryParse(legitimate.RefreshToken, out _, out var current);

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(stolen, null));

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(current, null));
    }

    [Fact]
    public async Task Another_device_keeps_its_session_when_one_family_is_revoked()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        RefreshTokens.TryParse((await grain.SignIn(Password, null))!.RefreshToken, out _, out var phone);
        RefreshTokens.TryParse((await grain.SignIn(Password, null))!.RefreshToken, out _, out var laptop);
        await grain.Refresh(phone, null);

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(phone, null));

        Assert.NotNull(await grain.Refresh(laptop, null));
    }

    [Fact]
    public async Task A_refresh_token_expires()
    {
        var grain = NewUserGrain();
        await grain.Create(New());
        RefreshTokens.TryParse((await grain.SignIn(Password, null))!.RefreshToken, out _, out var secret);

        cluster.Clock.Advance(TimeSpan.FromDays(15));

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(secret, null));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_device()
    {
        var grain = NewUserGrain();
        var user = await grain.Create(New());
        RefreshTokens.TryParse((await grain.SignIn(Password, null))!.RefreshToken, out _, out var secret);

        await grain.ChangePassword(user.AsCaller(), Password, "a-brand-new-passphrase");

        await Refused(ProblemKind.Unauthorized, () => grain.Refresh(secret, null));
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

        Assert.True((await doctor.VerifyDoctor(admin)).Verified);
        Assert.True((await doctor.VerifyDoctor(admin)).Verified);
    }

    [Fact]
    public async Task The_users_read_model_follows_the_account()
    {
        var grain = NewUserGrain();
        var created = await grain.Create(New(Role.Doctor));
        Assert.False(await VerifiedInReadModel(created.Id));

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
        Assert.Equal(1, await cluster.Database.CountAsync("SELECT COUNT(*) FROM users WHERE id = @id;", c => c.Bind("id", created.Id)));
    }

    private async Task<bool> VerifiedInReadModel(string id) =>
        await cluster.Database.CountAsync("SELECT verified FROM users WHERE id = @id;", c => c.Bind("id", id)) == 1;
}
