namespace MedPlatform.Identity;

/// <summary>
/// Keyed by the normalized email address: the single place that decides whether an address is taken,
/// so two concurrent registrations of one address cannot both succeed.
/// </summary>
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>The user id holding this address, or null.</summary>
    Task<string?> Find();

    /// <summary>Creates the account for this address. 409 if the address is taken.</summary>
    Task<UserView> Register(NewAccount account);

    /// <summary>Queues a password reset link if an account holds this address, and nothing otherwise.</summary>
    Task SendResetLink();
}
