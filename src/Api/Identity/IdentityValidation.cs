using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Api.Identity;

/// <summary>Turns request bodies into grain arguments, or into per-field errors for a 400.</summary>
public static class IdentityValidation
{
    public static NewAccount ToAccount(this RegisterRequest request) =>
        Build(request.Email, request.Password, request.DisplayName, request.Role, [Role.Patient, Role.Doctor],
            request.LicenseNumber, request.Department);

    public static NewAccount ToAccount(this CreateStaffRequest request) =>
        Build(request.Email, request.Password, request.DisplayName, request.Role, [Role.Pharmacist, Role.Admin], null, null);

    public static void EnsureComplete(this LoginRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter your email address."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        // Longer than any password we accept: refuse before spending a hash on it.
        else if (request.Password.Length > AccountRules.PasswordMaxLength) errors["password"] = [$"Use at most {AccountRules.PasswordMaxLength} characters."];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    public static void EnsureComplete(this ChangePasswordRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors["currentPassword"] = ["Enter your current password."];
        else if (request.CurrentPassword.Length > AccountRules.PasswordMaxLength) errors["currentPassword"] = ["The current password is not correct."];
        if (AccountRules.PasswordError(request.NewPassword, null) is { } error) errors["newPassword"] = [error];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    public static void EnsureComplete(this ForgotPasswordRequest request)
    {
        if (AccountRules.EmailError(request.Email) is { } error)
            throw DomainException.Invalid("email", error);
    }

    public static void EnsureComplete(this ResetPasswordRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Token)) errors["token"] = ["Open the link from the reset mail: it carries the token."];
        if (AccountRules.PasswordError(request.NewPassword, null) is { } error) errors["newPassword"] = [error];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    public static Role? ParseRoleFilter(string? role) =>
        role is null ? null
        : Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _) ? parsed
        : throw DomainException.Invalid("role", "Use one of: patient, doctor, pharmacist, admin.");

    private static NewAccount Build(string? email, string? password, string? displayName, string? role, Role[] allowed,
        string? licenseNumber, string? department)
    {
        var errors = new Dictionary<string, string[]>();
        Role? parsed = allowed.Where(r => string.Equals(Names(r), role?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Cast<Role?>().FirstOrDefault();
        if (parsed is null)
            errors["role"] = [$"Choose a role: {string.Join(" or ", allowed.Select(Names))}."];

        var account = new NewAccount(email ?? "", password ?? "", displayName ?? "", parsed ?? allowed[0], licenseNumber, department);
        foreach (var (field, messages) in AccountRules.Validate(account))
        {
            errors[field] = messages;
        }
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        return account;
    }

    private static string Names(Role role) => role.ToString().ToLowerInvariant();
}
