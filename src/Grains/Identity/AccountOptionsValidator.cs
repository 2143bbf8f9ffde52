using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

/// <summary>Refuses to start with account settings that would quietly break sign-in or throttling.</summary>
public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem) { if (!ok) problems.Add($"{AccountOptions.Section}:{problem}"); }

        Require(options.PasswordHashIterations >= 1000, "PasswordHashIterations must be at least 1000.");
        Require(options.RefreshTokenLifetime > TimeSpan.Zero, "RefreshTokenLifetime must be positive.");
        Require(options.MaxSessionsPerUser >= 1, "MaxSessionsPerUser must be at least 1.");
        var throttle = options.Throttle;
        Require(throttle.FailuresBeforeLock >= 1, "Throttle:FailuresBeforeLock must be at least 1.");
        Require(throttle.FirstLock > TimeSpan.Zero && throttle.MaxLock >= throttle.FirstLock, "Throttle:FirstLock must be positive and at most Throttle:MaxLock.");
        Require(throttle.AccountWideFailures >= 1 && throttle.AccountWideWindow > TimeSpan.Zero && throttle.AccountWideLock > TimeSpan.Zero,
            "Throttle:AccountWide* must be positive.");
        Require(throttle.AddressFailures >= 1 && throttle.AddressWindow > TimeSpan.Zero, "Throttle:Address* must be positive.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
