using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>A demo account seeded in embedded mode. Listed in the README and printed on start.</summary>
public sealed record DemoAccount(string Email, string Password, string DisplayName, Role Role, bool Verified,
    string? LicenseNumber = null, string? Department = null);

public static class DemoAccounts
{
    public const string Password = "demo-pass-2026";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@medplatform.test", Password, "Ada Admin", Role.Admin, false),
        new("pharmacist@medplatform.test", Password, "Priya Pharmacist", Role.Pharmacist, false),
        new("dr.chen@medplatform.test", Password, "Dr. Wei Chen", Role.Doctor, true, "GMC-7041187", "general-practice"),
        new("dr.okafor@medplatform.test", Password, "Dr. Ngozi Okafor", Role.Doctor, true, "GMC-6120934", "dermatology"),
        new("dr.new@medplatform.test", Password, "Dr. Sam Novak (unverified)", Role.Doctor, false, "GMC-7755012", "paediatrics"),
        new("alice@medplatform.test", Password, "Alice Patient", Role.Patient, false),
        new("bob@medplatform.test", Password, "Bob Patient", Role.Patient, false),
    ];

    /// <summary>A demo account as a caller, for seeding demo content through the grains; null if it does not exist.</summary>
    public static async Task<Caller?> CallerAsync(IGrainFactory grains, string email)
    {
        var userId = await grains.GetGrain<IEmailIndexGrain>(AccountRules.EmailKey(email)).Find();
        var account = userId is null ? null : await grains.GetGrain<IUserGrain>(userId).Find();
        return account is null ? null : new Caller(account.Id, account.Role, null);
    }
}
