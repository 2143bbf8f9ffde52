namespace MedPlatform.Identity;

[GenerateSerializer, Alias("MedPlatform.Role")]
public enum Role
{
    Patient = 0,
    Doctor = 1,
    Pharmacist = 2,
    Admin = 3,
}
