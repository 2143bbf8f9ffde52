using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>Filters for the admin's user list, answered from the users read model.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.UserQuery")]
public sealed record UserQuery(
    [property: Id(0)] Role? Role,
    [property: Id(1)] bool? Verified,
    [property: Id(2)] PageRequest Paging);
