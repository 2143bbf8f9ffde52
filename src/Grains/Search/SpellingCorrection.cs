namespace MedPlatform.Search;

/// <summary>
/// Forgives small typos against a vocabulary (the words of the catalog): a term that begins no
/// word of it is replaced by the closest word within one edit (words up to six letters) or two
/// (longer words), counting a swap of two neighbouring letters as one edit. "Nurofn" is "nurofen",
/// "ibuprophen" "ibuprofen", "alergy" "allergy".
/// </summary>
public sealed class SpellingCorrection(IReadOnlyDictionary<string, int> wordCounts)
{
    private readonly string[] words = [.. wordCounts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The word as typed when a vocabulary word begins with its root, or when nothing is close enough; otherwise the closest word.</summary>
    public string Correct(string word, string root)
    {
        if (word.Length < 4 || word.Any(char.IsDigit) || BeginsAny(root))
            return word;
        var allowed = word.Length <= 6 ? 1 : 2;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in words)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
                continue;
            var distance = Distance(word, candidate, bestDistance);
            if (distance < bestDistance || (distance == bestDistance && best is not null && wordCounts[candidate] > wordCounts[best]))
                (best, bestDistance) = (candidate, distance);
        }
        return best ?? word;
    }

    private bool BeginsAny(string root)
    {
        var at = Array.BinarySearch(words, root, StringComparer.Ordinal);
        if (at >= 0)
            return true;
        var next = ~at;
        return next < words.Length && words[next].StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent swaps), giving up above <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
                return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
