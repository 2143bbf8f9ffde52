using MedPlatform.Identity;

namespace MedPlatform.Common;

/// <summary>
/// Who is making a grain call. The Api builds it from the validated access token and passes it
/// explicitly, so every ownership decision is made inside the grain from data it can see.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.Caller")]
public sealed record Caller(
    [property: Id(0)] string UserId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? ClientAddress)
{
    public bool IsAdmin => Role == Role.Admin;
    public bool IsStaff => Role is Role.Admin or Role.Pharmacist;
}
