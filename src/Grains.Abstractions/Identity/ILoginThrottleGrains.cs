namespace MedPlatform.Identity;

/// <summary>
/// Failed sign-ins against one account, keyed by the normalized email rather than the user id, so
/// an unknown address is throttled exactly like a real one and the lockout reveals nothing about
/// which accounts exist. Locks are per client address, so an attacker locks out only themselves;
/// a much higher account-wide limit is the backstop against guessing from many addresses.
/// Every lock expires.
/// </summary>
public interface IAccountLockoutGrain : IGrainWithStringKey
{
    /// <summary>Throws 423 while this account is locked for this client.</summary>
    Task EnsureAllowed(string? clientAddress);

    Task RecordFailure(string? clientAddress);

    Task RecordSuccess(string? clientAddress);
}

/// <summary>Failed sign-ins from one client address, whatever account they name.</summary>
public interface IAddressThrottleGrain : IGrainWithStringKey
{
    /// <summary>Throws 429 while this address has failed too often.</summary>
    Task EnsureAllowed();

    Task RecordFailure();
}
