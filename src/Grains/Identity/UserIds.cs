namespace MedPlatform.Identity;

/// <summary>
/// User ids are 32 lowercase hex digits (a GUID in "N" form). Only that spelling is accepted:
/// Orleans' ADO.NET storage reads a 32-hex string key as a GUID, so "ABC…" and "abc…" would
/// share one stored state while running as two activations.
/// </summary>
public static class UserIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsCanonical(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
