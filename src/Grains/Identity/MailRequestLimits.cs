namespace MedPlatform.Identity;

/// <summary>
/// How often mailed links may be asked for. Enough for someone whose mail is slow to ask again; too few
/// to flood an inbox or to probe many addresses from one network.
/// </summary>
public static class MailRequestLimits
{
    public const int ConfirmationsPerAccount = 3;
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(10);

    public const int ResetsPerAddress = 3;
    public static readonly TimeSpan ResetAddressWindow = TimeSpan.FromMinutes(15);

    /// <summary>A clinic or a household shares one network: a few people may reset at once, ten in a minute are a script.</summary>
    public const int ResetsPerNetwork = 5;
    public static readonly TimeSpan ResetNetworkWindow = TimeSpan.FromMinutes(1);
}
