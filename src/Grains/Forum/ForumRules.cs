using MedPlatform.Common;

namespace MedPlatform.Forum;

/// <summary>
/// The limits of forum text. Text is stored as plain text exactly as written (clients escape it
/// when they display it); only control characters other than line breaks and tabs are refused.
/// The Api checks these to answer 400 with per-field errors; the Thread grain checks them again.
/// </summary>
public static class ForumRules
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = 10_000;
    public const int AnswerMaxLength = 5_000;
    public const int FollowUpMaxLength = 5_000;
    public const int SearchMaxLength = 200;

    public static Dictionary<string, string[]> Validate(NewQuestion question)
    {
        var errors = new Dictionary<string, string[]>();
        if (TextError(question.Title, TitleMaxLength, TitleMinLength) is { } title) errors["title"] = [title];
        if (TextError(question.Body, QuestionMaxLength) is { } body) errors["body"] = [body];
        if (string.IsNullOrWhiteSpace(question.Department)) errors["department"] = ["Choose a department."];
        return errors;
    }

    public static void EnsureValid(NewQuestion question)
    {
        var errors = Validate(question);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }

    /// <summary>For an answer or a follow-up: the one field is "body".</summary>
    public static void EnsureValidBody(string? body, int maxLength)
    {
        if (TextError(body, maxLength) is { } error) throw DomainException.Invalid("body", error);
    }

    public static string? TextError(string? text, int maxLength, int minLength = 1)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return "Write something here.";
        if (trimmed.Length < minLength) return $"Use at least {minLength} characters.";
        if (trimmed.Length > maxLength) return $"Use at most {maxLength} characters.";
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return "Control characters are not allowed.";
        return null;
    }
}
