using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MedPlatform.Identity;

public enum PasswordCheck
{
    Wrong,
    Right,
    /// <summary>Right, but hashed with weaker settings than today's: hash it again.</summary>
    RightButRehash,
}

/// <summary>Password hashing with ASP.NET Core Identity's vetted PBKDF2 hasher.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<UserState> hasher;
    // Verifying a password against this makes a sign-in for an unknown email cost the same as one
    // for a real account, so response times reveal nothing about which accounts exist.
    private readonly string decoyHash;

    public Passwords(IOptions<AccountOptions> options)
    {
        hasher = new PasswordHasher<UserState>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordHashIterations,
        }));
        decoyHash = Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };

    public void VerifyAgainstDecoy(string password) => hasher.VerifyHashedPassword(null!, decoyHash, password);
}
