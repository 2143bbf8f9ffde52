using System.Collections.Concurrent;

namespace MedPlatform.Forum;

/// <summary>
/// The exact totals of recent forum searches (embedded mode), so that a repeated search counts only
/// the threads asked since it was last counted instead of every match again: counting a word found
/// in 65k of 100k threads took about 7 ms, and made search at 100k threads ten times slower than
/// at 1k (docs/benchmarks.md). An entry is valid for one epoch of forum_search_epoch, which every
/// edit or deletion of a thread moves on; new threads only ever add matches above the counted seq.
/// </summary>
public sealed class SearchTotals
{
    // Enough for the searches people repeat; past it the cache starts again rather than tracking use.
    private const int Capacity = 2_000;

    private readonly ConcurrentDictionary<(string Match, string? Department), Counted> entries = new();

    /// <summary>The total of matches among threads up to <see cref="UpToSeq"/>, counted at <see cref="Epoch"/>.</summary>
    public sealed record Counted(long Epoch, long UpToSeq, long Total);

    public Counted? Find(string match, string? department, long epoch) =>
        entries.TryGetValue((match, department), out var counted) && counted.Epoch == epoch ? counted : null;

    public void Keep(string match, string? department, Counted counted)
    {
        if (entries.Count >= Capacity && !entries.ContainsKey((match, department)))
            entries.Clear();
        entries.AddOrUpdate((match, department), counted,
            (_, kept) => kept.Epoch == counted.Epoch && kept.UpToSeq > counted.UpToSeq ? kept : counted);
    }
}
