using System.Net.Mail;
using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>
/// What makes an account valid. The Api checks it to answer 400 with per-field errors; the
/// grains check it again because they must never store an invalid account.
/// </summary>
public static class AccountRules
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int EmailMaxLength = 254;
    public const int DisplayNameMaxLength = 100;
    public const int LicenseNumberMaxLength = 64;
    public const int DepartmentMaxLength = 64;

    // A short deny-list of the passwords tried first in every guessing attack.
    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
        "qwerty123", "11111111", "00000000", "iloveyou", "abc12345", "letmein1", "welcome1", "admin123",
        "passw0rd", "sunshine", "football", "baseball", "trustno1",
    };

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// The key of an email's index and lockout grains. The prefix keeps Orleans' storage from
    /// reading an address such as "a+b@c.d" as the integer key 0xA with extension "b@c.d".
    /// </summary>
    public static string EmailKey(string email) => "email:" + NormalizeEmail(email);

    public static Dictionary<string, string[]> Validate(NewAccount account)
    {
        var errors = new Dictionary<string, string[]>();
        if (EmailError(account.Email) is { } email) errors["email"] = [email];
        if (PasswordError(account.Password, account.Email) is { } password) errors["password"] = [password];
        if (string.IsNullOrWhiteSpace(account.DisplayName)) errors["displayName"] = ["Enter a display name."];
        else if (account.DisplayName.Trim().Length > DisplayNameMaxLength) errors["displayName"] = [$"Use at most {DisplayNameMaxLength} characters."];
        else if (account.DisplayName.Any(char.IsControl)) errors["displayName"] = ["Control characters are not allowed."];
        if (account.Role == Role.Doctor && string.IsNullOrWhiteSpace(account.LicenseNumber))
            errors["licenseNumber"] = ["A doctor registers with a licence number."];
        else if (account.LicenseNumber is { Length: > LicenseNumberMaxLength })
            errors["licenseNumber"] = [$"Use at most {LicenseNumberMaxLength} characters."];
        if (account.Department is { Length: > DepartmentMaxLength })
            errors["department"] = [$"Use at most {DepartmentMaxLength} characters."];
        return errors;
    }

    public static void EnsureValid(NewAccount account)
    {
        var errors = Validate(account);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    public static string? EmailError(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "Enter an email address.";
        var trimmed = email.Trim();
        if (trimmed.Length > EmailMaxLength) return $"Use at most {EmailMaxLength} characters.";
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? null
            : "Enter a valid email address.";
    }

    public static string? PasswordError(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < PasswordMinLength)
            return $"Use at least {PasswordMinLength} characters.";
        if (password.Length > PasswordMaxLength) return $"Use at most {PasswordMaxLength} characters.";
        if (CommonPasswords.Contains(password)) return "This password is too common; choose another.";
        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            return "The password must not be your email address.";
        return null;
    }
}
