using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;

namespace MedPlatform.Grains.Tests;

/// <summary>Real accounts in the test cluster, as the callers the forum's rules are about.</summary>
internal static class ForumActors
{
    public static async Task<Caller> Patient(GrainTestCluster cluster) => await Register(cluster, Role.Patient);

    public static async Task<Caller> Doctor(GrainTestCluster cluster, bool verified = true)
    {
        var doctor = await Register(cluster, Role.Doctor);
        if (verified)
            await cluster.Grains.GetGrain<IUserGrain>(doctor.UserId).VerifyDoctor(new Caller("test-admin", Role.Admin, null));
        return doctor;
    }

    public static async Task<Caller> Staff(GrainTestCluster cluster, Role role)
    {
        var admin = (await cluster.Grains.GetGrain<IAccountsGrain>(0).SignIn("admin@grains.test", "grain-admin-pass", null)).User;
        if (role == Role.Admin)
            return admin.AsCaller();
        var staff = await cluster.Grains.GetGrain<IAccountsGrain>(0).CreateStaff(admin.AsCaller(), Accounts.New(role));
        return staff.AsCaller();
    }

    public static NewQuestion Question(string? title = null, bool anonymous = false, string department = "dermatology", string? body = null) =>
        new(title ?? "A rash on my arm that will not go away", body ?? "It has been there for two weeks and itches at night.", department, anonymous);

    public static async Task<(IThreadGrain Thread, ThreadView View)> Ask(GrainTestCluster cluster, Caller author, NewQuestion? question = null)
    {
        var thread = cluster.Grains.GetGrain<IThreadGrain>(ThreadIds.New());
        return (thread, await thread.Ask(author, question ?? Question()));
    }

    private static async Task<Caller> Register(GrainTestCluster cluster, Role role)
    {
        var user = await cluster.Grains.GetGrain<IAccountsGrain>(0).Register(Accounts.New(role), null);
        await cluster.Grains.ConfirmEmail(user.Id);
        return user.AsCaller();
    }
}
