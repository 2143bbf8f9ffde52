namespace MedPlatform.Identity;

/// <summary>
/// Failed password checks against one account, keyed by the email (not the user id), so an unknown
/// email is throttled exactly like a real one and the lockout reveals nothing about which accounts
/// exist. Locks are per client network, so an attacker locks out only themselves; a much higher
/// account-wide limit is the backstop against guessing from many networks, and it never applies to
/// a network the account has signed in from before. Every lock expires.
/// </summary>
public interface IAccountLockoutGrain : IGrainWithStringKey
{
    /// <summary>Throws 423 while this account is locked for this client network.</summary>
    Task EnsureAllowed(string network, bool knownNetwork);

    Task RecordFailure(string network);

    Task RecordSuccess(string network);
}

/// <summary>Failed sign-ins from one client network (an IPv4 address or an IPv6 /64), whatever account they name.</summary>
public interface IAddressThrottleGrain : IGrainWithStringKey
{
    /// <summary>Throws 429 while this address has failed too often.</summary>
    Task EnsureAllowed();

    Task RecordFailure();
}
