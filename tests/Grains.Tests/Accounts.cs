using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Grains.Tests;

/// <summary>Shorthands for arranging accounts in grain tests.</summary>
internal static class Accounts
{
    public const string Password = "correct-horse-battery";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@grains.test";

    public static NewAccount New(Role role = Role.Patient, string? email = null) =>
        new(email ?? UniqueEmail(role.ToString().ToLowerInvariant()), Password, $"Test {role}", role,
            role == Role.Doctor ? "LIC-12345" : null, role == Role.Doctor ? "dermatology" : null);

    /// <summary>
    /// Confirms the account's address the way its owner does: the dispatcher issues the link's token as
    /// it sends the mail (no mail server here, so the test asks for it the same way), then the link is followed.
    /// </summary>
    public static async Task ConfirmEmail(this IGrainFactory grains, string userId)
    {
        var token = await grains.GetGrain<IUserGrain>(userId).IssueMailToken(MailTokenPurpose.ConfirmEmail, DateTimeOffset.UtcNow)
            ?? throw new InvalidOperationException("The account needs no confirmation.");
        Assert.True(MailLinkTokens.TryParse(token, out _, out var secret));
        await grains.GetGrain<IUserGrain>(userId).ConfirmEmail(secret);
    }

    public static Caller AsCaller(this UserView user, string? address = "10.0.0.1") => new(user.Id, user.Role, address);

    public static async Task<DomainException> Refused(ProblemKind kind, Func<Task> action)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }
}
