using MedPlatform.Common;
using MedPlatform.Forum;

namespace MedPlatform.Api.Forum;

public static class ForumValidation
{
    public static NewQuestion ToQuestion(this AskRequest request)
    {
        var question = new NewQuestion(request.Title ?? "", request.Body ?? "", request.Department?.Trim() ?? "", request.Anonymous ?? false);
        ForumRules.EnsureValid(question);
        return question;
    }

    /// <summary>The search box: at most 200 characters with at least one word in it; blank means no search.</summary>
    public static string? SearchText(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        if (q.Length > ForumRules.SearchMaxLength)
            throw DomainException.Invalid("q", $"Search with at most {ForumRules.SearchMaxLength} characters.");
        if (MedPlatform.Search.SearchText.Words(q).Count == 0)
            throw DomainException.Invalid("q", "Search for at least one word or number.");
        return q;
    }
}
