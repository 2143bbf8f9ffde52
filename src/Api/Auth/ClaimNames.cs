using MedPlatform.Identity;

namespace MedPlatform.Api.Auth;

/// <summary>The claims in an access token. Short names, kept as issued (no inbound mapping).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Verified = "verified";
    /// <summary>The session (signed-in device) the token was issued to, so the device can be told apart in the list of sessions.</summary>
    public const string Session = "sid";
    /// <summary>"on" when the account signs in with a second factor: staff without it may only enrol (see <see cref="TwoFactorGate"/>).</summary>
    public const string TwoFactor = "tfa";

    public static string RoleValue(Role role) => role.ToString().ToLowerInvariant();
}
