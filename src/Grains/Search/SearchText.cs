using System.Text.RegularExpressions;

namespace MedPlatform.Search;

/// <summary>
/// Turns what someone typed into the search box into the terms that must all appear (as words or
/// word beginnings), in each store's full-text syntax. Each word is cut to its root
/// (<see cref="WordRoots"/>) and matched as a prefix, so "coughing" finds "cough" and "coughs",
/// and little words such as "for" or "my" are left out, so "something for a headache" still finds.
/// </summary>
public static partial class SearchText
{
    private const int MaxWords = 8;
    private const int MaxWordLength = 40;
    /// <summary>MariaDB's InnoDB full-text index skips shorter words; those are matched with LIKE.</summary>
    public const int MariaDbMinWordLength = 3;

    /// <summary>The words typed, lower-case and at most <see cref="MaxWords"/>; what the Api checks a search has.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        text is null ? [] :
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct().Take(MaxWords).ToList();

    /// <summary>The roots to match: the words less the little ones (unless that leaves none), each cut to its root.</summary>
    public static IReadOnlyList<string> Terms(string? text) => Meaningful(Words(text)).Select(WordRoots.Root).Distinct().ToList();

    /// <summary>The words less the little ones, unless that leaves none ("to be or not to be" is searched as typed).</summary>
    public static IReadOnlyList<string> Meaningful(IReadOnlyList<string> words)
    {
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        return meaningful.Count > 0 ? meaningful : words;
    }

    /// <summary>Every word of a text, lower-case: what a vocabulary is built from.</summary>
    public static IEnumerable<string> Tokens(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>SQLite FTS5: every term as a quoted prefix query.</summary>
    public static string Fts5Match(IReadOnlyList<string> terms) => string.Join(" ", terms.Select(w => $"\"{w}\"*"));

    /// <summary>MariaDB boolean mode: every long-enough term required, as a prefix.</summary>
    public static string MariaDbMatch(IReadOnlyList<string> terms) =>
        string.Join(" ", terms.Where(w => w.Length >= MariaDbMinWordLength).Select(w => $"+{w}*"));

    /// <summary>Words that say nothing about what is looked for: searching for them would only leave out good matches.</summary>
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "get", "have", "i", "im", "in", "is", "it",
        "me", "my", "of", "on", "or", "so", "some", "something", "the", "to", "what", "with", "you", "your",
    ];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
