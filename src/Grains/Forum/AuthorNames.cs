using MedPlatform.Common;

namespace MedPlatform.Forum;

/// <summary>Who sees the name behind an anonymous question: its author and staff. Everyone else sees "Anonymous".</summary>
public static class AuthorNames
{
    public const string Anonymous = "Anonymous";
    /// <summary>What the author of an anonymous question sees in lists.</summary>
    public const string AnonymousToTheAuthor = "Anonymous (you)";

    public static bool MaySee(Caller? viewer, string authorId) =>
        viewer is not null && (viewer.UserId == authorId || viewer.IsStaff);

    public static string Shown(Caller? viewer, string authorId, string authorName, bool anonymous) =>
        !anonymous || MaySee(viewer, authorId) ? authorName : Anonymous;

    /// <summary>
    /// In lists an author sees their own anonymous question as others see it, marked as theirs: their
    /// own name there would make them believe their anonymity had failed. (The thread's own page shows
    /// their name with "shown to others as Anonymous".)
    /// </summary>
    public static string Listed(Caller? viewer, string authorId, string authorName, bool anonymous) =>
        anonymous && viewer?.UserId == authorId ? AnonymousToTheAuthor : Shown(viewer, authorId, authorName, anonymous);

    /// <summary>Staff seeing the name behind someone else's anonymous question is audited.</summary>
    public static bool RevealsToStaff(Caller? viewer, string authorId, bool anonymous) =>
        anonymous && viewer is { IsStaff: true } && viewer.UserId != authorId;
}
