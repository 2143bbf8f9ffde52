using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Identity;
using static MedPlatform.Grains.Tests.Accounts;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class AccountsGrainTests(GrainTestCluster cluster)
{
    private IAccountsGrain Service => cluster.Grains.GetGrain<IAccountsGrain>(0);

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task Concurrent_registrations_of_one_address_create_exactly_one_account()
    {
        var email = UniqueEmail();
        var attempts = Enumerable.Range(0, 10)
            .Select(i => New(email: i % 2 == 0 ? email : email.ToUpperInvariant()))
            .Select(account => Capture(() => Service.Register(account, null)));

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.User is not null);
        Assert.All(outcomes.Where(o => o.User is null), o => Assert.Equal(ProblemKind.Conflict, o.Refusal!.Kind));
    }

    [Fact]
    public async Task Sign_in_ignores_the_case_of_the_email()
    {
        var email = UniqueEmail();
        await Service.Register(New(email: email), null);

        var signedIn = await Service.SignIn(email.ToUpperInvariant(), Password, NewAddress());

        Assert.Equal(email, signedIn.User.Email);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_are_refused_alike()
    {
        var email = UniqueEmail();
        await Service.Register(New(email: email), null);

        var wrongPassword = await Refused(ProblemKind.Unauthorized, () => Service.SignIn(email, "not-the-password", NewAddress()));
        var unknownEmail = await Refused(ProblemKind.Unauthorized, () => Service.SignIn(UniqueEmail(), Password, NewAddress()));

        Assert.Equal(wrongPassword.Detail, unknownEmail.Detail);
    }

    [Theory]
    [InlineData(Role.Pharmacist)]
    [InlineData(Role.Admin)]
    public async Task Self_registration_as_staff_is_refused(Role role)
    {
        await Refused(ProblemKind.Invalid, () => Service.Register(New(role), null));
    }

    [Fact]
    public async Task Only_an_admin_account_creates_staff_whatever_the_token_claims()
    {
        var patient = await Service.Register(New(), null);
        var patientClaimingAdmin = new Caller(patient.Id, Role.Admin, null);

        await Refused(ProblemKind.Forbidden, () => Service.CreateStaff(patient.AsCaller(), New(Role.Pharmacist)));
        await Refused(ProblemKind.Forbidden, () => Service.CreateStaff(patientClaimingAdmin, New(Role.Pharmacist)));
    }

    [Fact]
    public async Task The_configured_admin_is_created_on_start_and_creates_a_pharmacist()
    {
        var admin = await Service.SignIn("admin@grains.test", "grain-admin-pass", NewAddress());

        var pharmacist = await Service.CreateStaff(admin.User.AsCaller(), New(Role.Pharmacist));

        Assert.Equal(Role.Pharmacist, pharmacist.Role);
        Assert.Equal(pharmacist.Id, (await Service.SignIn(pharmacist.Email, Password, NewAddress())).User.Id);
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_audited_with_the_address()
    {
        var user = await Service.Register(New(), null);
        var address = NewAddress();
        await Refused(ProblemKind.Unauthorized, () => Service.SignIn(user.Email, "not-the-password", address));
        await Service.SignIn(user.Email, Password, address);
        await Service.SignOut(user.AsCaller(address), null);
        var admin = (await Service.SignIn("admin@grains.test", "grain-admin-pass", NewAddress())).User;

        var log = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin.AsCaller(), new AuditQuery(user.Id, null, new PageRequest(1, 20)));

        Assert.Equal(["auth.logout.all", "auth.login", "auth.login.failed", "account.registered"], log.Items.Select(e => e.Action));
        Assert.All(log.Items.Take(3), e => Assert.Equal(address, e.Ip));
        Assert.Null(log.Items[2].ActorId);
        Assert.Equal(user.Id, log.Items[2].SubjectUserId);
    }

    [Fact]
    public async Task Only_an_admin_reads_the_audit_log()
    {
        var patient = await Service.Register(New(), null);

        await Refused(ProblemKind.Forbidden, () => cluster.Grains.GetGrain<IAuditGrain>(0)
            .Query(patient.AsCaller(), new AuditQuery(null, null, new PageRequest(1, 20))));
    }

    [Fact]
    public async Task Users_are_listed_newest_first_by_role_and_verification()
    {
        var admin = (await Service.SignIn("admin@grains.test", "grain-admin-pass", NewAddress())).User.AsCaller();
        var first = await Service.Register(New(Role.Doctor), null);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Service.Register(New(Role.Doctor), null);
        await cluster.Grains.ConfirmEmail(first.Id);
        await Service.VerifyDoctor(admin, first.Id);

        var unverified = await Service.ListUsers(admin, new UserQuery(Role.Doctor, false, new PageRequest(1, 100)));
        var verified = await Service.ListUsers(admin, new UserQuery(Role.Doctor, true, new PageRequest(1, 100)));

        Assert.Equal(second.Id, unverified.Items[0].Id);
        Assert.DoesNotContain(unverified.Items, u => u.Id == first.Id);
        Assert.Contains(verified.Items, u => u.Id == first.Id);
        Assert.All(unverified.Items, u => Assert.Equal(Role.Doctor, u.Role));
    }

    private static async Task<(UserView? User, DomainException? Refusal)> Capture(Func<Task<UserView>> action)
    {
        try { return (await action(), null); }
        catch (DomainException refusal) { return (null, refusal); }
    }
}
