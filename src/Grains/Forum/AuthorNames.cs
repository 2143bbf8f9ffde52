using MedPlatform.Common;

namespace MedPlatform.Forum;

/// <summary>Who sees the name behind an anonymous question: its author and staff. Everyone else sees "Anonymous".</summary>
public static class AuthorNames
{
    public const string Anonymous = "Anonymous";

    public static bool MaySee(Caller? viewer, string authorId) =>
        viewer is not null && (viewer.UserId == authorId || viewer.IsStaff);

    public static string Shown(Caller? viewer, string authorId, string authorName, bool anonymous) =>
        !anonymous || MaySee(viewer, authorId) ? authorName : Anonymous;

    /// <summary>Staff seeing the name behind someone else's anonymous question is audited.</summary>
    public static bool RevealsToStaff(Caller? viewer, string authorId, bool anonymous) =>
        anonymous && viewer is { IsStaff: true } && viewer.UserId != authorId;
}
