namespace MedPlatform.Identity;

/// <summary>The first administrator, created on start from configuration ("Admin" section) if no account has the email.</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email);
}
