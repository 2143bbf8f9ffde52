using System.Text.RegularExpressions;

namespace MedPlatform.Forum;

/// <summary>
/// Turns what someone typed into the search box into words that must all appear (as words or
/// word beginnings) in a thread's title or body, in each store's full-text syntax.
/// </summary>
public static partial class SearchText
{
    private const int MaxWords = 8;
    private const int MaxWordLength = 40;
    /// <summary>MariaDB's InnoDB full-text index skips shorter words; those are matched with LIKE.</summary>
    public const int MariaDbMinWordLength = 3;

    public static IReadOnlyList<string> Words(string? text) =>
        text is null ? [] :
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct().Take(MaxWords).ToList();

    /// <summary>SQLite FTS5: every word as a quoted prefix query.</summary>
    public static string Fts5Match(IReadOnlyList<string> words) => string.Join(" ", words.Select(w => $"\"{w}\"*"));

    /// <summary>MariaDB boolean mode: every long-enough word required, as a prefix.</summary>
    public static string MariaDbMatch(IReadOnlyList<string> words) =>
        string.Join(" ", words.Where(w => w.Length >= MariaDbMinWordLength).Select(w => $"+{w}*"));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
