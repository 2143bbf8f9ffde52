using MedPlatform.Common;
using MedPlatform.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

/// <summary>
/// Creates the configured administrator and, when demo seeding is on, the demo accounts.
/// The email index makes it idempotent.
/// </summary>
public sealed partial class AccountsBootstrap(
    IGrainFactory grains,
    IOptions<AdminBootstrapOptions> admin,
    IOptions<DemoOptions> demo,
    ILogger<AccountsBootstrap> logger) : IBootstrapStep
{
    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (admin.Value.IsConfigured)
        {
            await EnsureAccount(new NewAccount(admin.Value.Email!, admin.Value.Password!, admin.Value.DisplayName, Role.Admin, null, null, EmailConfirmed: true), verify: false);
        }
        else if (!demo.Value.Seed)
        {
            LogNoAdmin();
        }

        if (demo.Value.Seed)
        {
            foreach (var account in DemoAccounts.All)
            {
                await EnsureAccount(new NewAccount(account.Email, account.Password, account.DisplayName, account.Role, account.LicenseNumber, account.Department, EmailConfirmed: true), account.Verified);
            }
        }
    }

    private async Task EnsureAccount(NewAccount account, bool verify)
    {
        var index = grains.GetGrain<IEmailIndexGrain>(AccountRules.EmailKey(account.Email));
        var userId = await index.Find();
        if (userId is null || await grains.GetGrain<IUserGrain>(userId).Find() is null)
        {
            try
            {
                userId = (await index.Register(account)).Id;
                LogCreated(account.Role, account.Email);
            }
            catch (DomainException e) when (e.Kind == ProblemKind.Conflict)
            {
                // Another silo created it a moment ago.
                userId = await index.Find();
            }
        }
        if (verify && userId is not null)
        {
            await grains.GetGrain<IUserGrain>(userId).VerifyDoctor(new Caller("bootstrap", Role.Admin, null));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Role} account {Email}")]
    private partial void LogCreated(Role role, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator is configured (Admin:Email / Admin:Password): nobody can verify doctors or create staff until one is.")]
    private partial void LogNoAdmin();
}
