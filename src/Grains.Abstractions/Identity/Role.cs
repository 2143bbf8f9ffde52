namespace MedPlatform.Identity;

[GenerateSerializer, Alias("MedPlatform.Role")]
public enum Role
{
    Patient = 0,
    Doctor = 1,
    Pharmacist = 2,
    Admin = 3,
}

public static class RoleRules
{
    /// <summary>Staff who can read every patient's prescriptions and orders must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(this Role role) => role is Role.Admin or Role.Pharmacist;
}
