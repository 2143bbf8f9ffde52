namespace MedPlatform.Identity;

/// <summary>What it takes to open an account: self-registration (patient, doctor) or staff created by an admin.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NewAccount")]
public sealed record NewAccount(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Role Role,
    [property: Id(4)] string? LicenseNumber,
    [property: Id(5)] string? Department,
    /// <summary>Set only by the platform for accounts it seeds (demo, the configured admin); self-registration and staff get a link to confirm.</summary>
    [property: Id(6)] bool EmailConfirmed = false);
