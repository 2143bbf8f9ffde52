using MedPlatform.Hosting;
using MedPlatform.Search;
using MedPlatform.Storage;

namespace MedPlatform.Mall;

/// <summary>
/// The words of the catalog (names, descriptions, ingredients, brand names, indications, category
/// names) with how many products use each, for correcting typos in searches. Loaded when first
/// needed, again after a product's words change on this silo (not its stock, which changes all
/// day), and at least every minute for changes made on other silos. One load at a time: searches
/// arriving meanwhile wait for it. Ten thousand products make a few tens of thousands of words: well under a
/// megabyte, and a correction is a scan of them only when a word matches nothing.
/// </summary>
public sealed class CatalogVocabulary(SqlDatabase database, PlatformClock clock)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private Task<Snapshot>? current;

    private sealed record Snapshot(SpellingCorrection Correction, DateTimeOffset LoadedAt);

    /// <summary>A product's words changed: the next search loads the vocabulary again.</summary>
    public void Changed()
    {
        lock (gate)
            current = null;
    }

    /// <summary>
    /// The roots to search for (each meaningful word corrected if it begins no catalog word, then cut
    /// to its root), and the words as corrected when any was, to tell the patient what was searched.
    /// </summary>
    public async Task<(IReadOnlyList<string> Terms, string? Corrected)> Correct(IReadOnlyList<string> words)
    {
        var meaningful = SearchText.Meaningful(words);
        if (meaningful.Count == 0)
            return ([], null);
        var correction = await Load();
        var corrected = meaningful.Select(word => correction.Correct(word, WordRoots.Root(word))).ToList();
        var terms = corrected.Select(WordRoots.Root).Distinct().ToList();
        return (terms, corrected.SequenceEqual(meaningful) ? null : string.Join(" ", corrected));
    }

    private async Task<SpellingCorrection> Load()
    {
        Task<Snapshot> loading;
        lock (gate)
        {
            // A load that failed or grew old is replaced; one in flight or fresh is shared.
            if (current is null || current.IsFaulted || current.IsCanceled
                || (current.IsCompletedSuccessfully && clock.GetUtcNow() - current.Result.LoadedAt >= RefreshAfter))
                current = Read();
            loading = current;
        }
        return (await loading).Correction;
    }

    private async Task<Snapshot> Read()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = await database.QueryAsync("SELECT name, description, keywords FROM products;", null,
            reader => $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        foreach (var row in rows)
        {
            foreach (var word in SearchText.Tokens(row).Distinct())
                counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return new Snapshot(new SpellingCorrection(counts), clock.GetUtcNow());
    }
}
