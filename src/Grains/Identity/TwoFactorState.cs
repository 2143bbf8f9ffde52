namespace MedPlatform.Identity;

/// <summary>An account's second factor as stored in its <see cref="UserState"/>; <see cref="TwoFactorCodes"/> holds the rules.</summary>
[GenerateSerializer, Alias("MedPlatform.TwoFactorState")]
public sealed class TwoFactorState
{
    /// <summary>The secret in use, encrypted with Data Protection; null while two-factor is off.</summary>
    [Id(0)] public string? ProtectedSecret { get; set; }
    /// <summary>A secret handed out for enrolment and not yet confirmed with a code, encrypted.</summary>
    [Id(1)] public string? ProtectedPendingSecret { get; set; }
    /// <summary>The last time step whose code was accepted: that step and earlier ones are never accepted again.</summary>
    [Id(2)] public long LastAcceptedStep { get; set; }
    /// <summary>SHA-256 hashes of the recovery codes not yet used (each has 80 random bits).</summary>
    [Id(3)] public List<string> RecoveryCodeHashes { get; set; } = [];
    [Id(4)] public DateTimeOffset? EnabledAt { get; set; }
    /// <summary>Wrong codes at sign-in since the last right one, whatever network they came from (kept, unlike the lockout).</summary>
    [Id(5)] public int FailedCodesInARow { get; set; }

    public bool IsOn => ProtectedSecret is not null;
}

/// <summary>
/// A sign-in whose password was right and whose second factor is awaited. Only the hash of its
/// token's secret is kept; it works once, for a few minutes.
/// </summary>
[GenerateSerializer, Alias("MedPlatform.SignInChallenge")]
public sealed record SignInChallenge(
    [property: Id(0)] string Id,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset ExpiresAt);
