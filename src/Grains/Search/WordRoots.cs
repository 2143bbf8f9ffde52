namespace MedPlatform.Search;

/// <summary>
/// Cuts an English word to a root that its other forms begin with: "coughing" and "coughs" to
/// "cough", "allergy", "allergies" and "allergic" to "allerg", "headaches" to "headach". Search
/// matches roots as prefixes of the indexed words, so the index itself stays plain text and works
/// the same in SQLite and MariaDB (whose full-text index has no stemming). No stemming library is
/// served to this build (nuget.tsv lists none); this is a small suffix stripper, not a Porter
/// stemmer, tuned to err on the side of finding more.
/// </summary>
public static class WordRoots
{
    /// <summary>Longest first: the first that leaves a long enough root is taken.</summary>
    private static readonly string[] Suffixes =
    [
        "ational", "ically", "ations", "ingly", "ation", "ities", "ments", "ness", "ment", "ings", "ical", "ions", "iest",
        "ing", "ied", "ies", "ier", "ion", "ful", "ous", "ive", "ers", "est", "ety", "ed", "es", "er", "ic", "ly", "al", "y", "e", "s",
    ];

    private const int MinRoot = 4;

    public static string Root(string word)
    {
        if (word.Length < MinRoot || word.Any(char.IsDigit))
            return word;
        foreach (var suffix in Suffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            var root = word[..^suffix.Length];
            // A plural's root may be short ("eyes" is "eye"); other endings need more left to mean anything.
            if (root.Length < (suffix == "s" ? MinRoot - 1 : MinRoot))
                continue;
            // "running" is "runn" without its ending: its other forms begin "run".
            if (suffix is "ing" or "ed" or "er" or "ers" or "est" && root.Length >= MinRoot && root[^1] == root[^2] && "lsz".IndexOf(root[^1]) < 0)
                root = root[..^1];
            return root;
        }
        return word;
    }
}
