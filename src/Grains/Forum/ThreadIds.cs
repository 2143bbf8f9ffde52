using MedPlatform.Identity;

namespace MedPlatform.Forum;

/// <summary>Thread, answer and follow-up ids: 32 lowercase hex digits, like user ids and for the same reason.</summary>
public static class ThreadIds
{
    public static string New() => UserIds.New();
    public static bool IsCanonical(string? id) => UserIds.IsCanonical(id);
}
