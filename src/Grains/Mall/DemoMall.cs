using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Microsoft.Extensions.Options;

namespace MedPlatform.Mall;

/// <summary>Demo prescriptions from the demo doctors, so the demo patients can buy prescription medicines.</summary>
public sealed class DemoMall(IGrainFactory grains)
{
    public async Task SeedAsync()
    {
        var chen = await DemoCaller("dr.chen@medplatform.test");
        var alice = await DemoCaller("alice@medplatform.test");
        var bob = await DemoCaller("bob@medplatform.test");
        if (chen is null || alice is null || bob is null)
            return;
        var prescriptions = grains.GetGrain<IPrescriptionsGrain>(0);
        await prescriptions.Issue(chen, new NewPrescription(alice.UserId, null,
            [new PrescriptionLine(ProductIds.ForStarter("amoxicillin-500"), 1)], Repeats: 0, ValidDays: 14,
            "One capsule three times a day for 7 days. Finish the course."));
        await prescriptions.Issue(chen, new NewPrescription(bob.UserId, null,
            [new PrescriptionLine(ProductIds.ForStarter("salbutamol-inhaler"), 1), new PrescriptionLine(ProductIds.ForStarter("beclometasone-inhaler-100"), 1)],
            Repeats: 2, ValidDays: 180, "Preventer twice daily; reliever when needed."));
    }

    private Task<Caller?> DemoCaller(string email) => DemoAccounts.CallerAsync(grains, email);
}

public sealed class MallDemoContent(DemoMall demo, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(Databases.Platform)] Storage.SqlDatabase database,
    IOptions<DemoOptions> options) : IBootstrapStep
{
    public int Order => 210;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed && await database.CountAsync("SELECT COUNT(*) FROM prescriptions;") == 0)
            await demo.SeedAsync();
    }
}
