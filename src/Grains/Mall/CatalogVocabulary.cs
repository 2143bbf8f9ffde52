using MedPlatform.Hosting;
using MedPlatform.Search;
using MedPlatform.Storage;

namespace MedPlatform.Mall;

/// <summary>
/// The words of the catalog (names, descriptions, ingredients, brand names, indications, category
/// names) with how many products use each, for correcting typos in searches. Loaded when first
/// needed, again after a product changes on this silo, and at least every minute for changes made
/// on other silos. Ten thousand products make a few tens of thousands of words: well under a
/// megabyte, and a correction is a scan of them only when a word matches nothing.
/// </summary>
public sealed class CatalogVocabulary(SqlDatabase database, PlatformClock clock)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);
    private volatile Snapshot? current;

    private sealed record Snapshot(SpellingCorrection Correction, DateTimeOffset LoadedAt);

    /// <summary>A product was written: the next search that needs the vocabulary loads it again.</summary>
    public void Changed() => current = null;

    /// <summary>The roots to search for: each meaningful word corrected if it begins no catalog word, then cut to its root.</summary>
    public async Task<IReadOnlyList<string>> Correct(IReadOnlyList<string> words)
    {
        var meaningful = SearchText.Meaningful(words);
        if (meaningful.Count == 0)
            return [];
        var correction = await Load();
        return meaningful.Select(word => WordRoots.Root(correction.Correct(word, WordRoots.Root(word)))).Distinct().ToList();
    }

    private async Task<SpellingCorrection> Load()
    {
        if (current is { } snapshot && clock.GetUtcNow() - snapshot.LoadedAt < RefreshAfter)
            return snapshot.Correction;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = await database.QueryAsync("SELECT name, description, keywords FROM products;", null,
            reader => $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        foreach (var row in rows)
        {
            foreach (var word in SearchText.Tokens(row).Distinct())
                counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        var loaded = new SpellingCorrection(counts);
        current = new Snapshot(loaded, clock.GetUtcNow());
        return loaded;
    }
}
