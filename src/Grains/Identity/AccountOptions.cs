namespace MedPlatform.Identity;

/// <summary>Account security settings, bound from the "Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>PBKDF2-HMAC-SHA512 iterations (ASP.NET Core Identity's hasher, format v3).</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Signed-in devices per user; signing in on one more retires the oldest.</summary>
    public int MaxSessionsPerUser { get; set; } = 10;

    public LoginThrottleOptions Throttle { get; set; } = new();
}

/// <summary>How failed sign-ins are slowed down. Every lock expires on its own.</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Consecutive failures for one account from one address before that address is locked out of it (423).</summary>
    public int FailuresBeforeLock { get; set; } = 5;
    /// <summary>The first lock; each further lock doubles it, up to <see cref="MaxLock"/>.</summary>
    public TimeSpan FirstLock { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxLock { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Backstop against guessing one password from many addresses: this many failures in the window lock the account for everyone.</summary>
    public int AccountWideFailures { get; set; } = 100;
    public TimeSpan AccountWideWindow { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan AccountWideLock { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures from one address, whatever the accounts, before it gets 429 until the window slides.</summary>
    public int AddressFailures { get; set; } = 30;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(10);
}
