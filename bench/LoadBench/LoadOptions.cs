using System.Globalization;

namespace MedPlatform.LoadBench;

/// <summary>
/// Command line: --seconds (per measured run), --warmup (seconds, discarded), --connections,
/// --threads (wrk's), --forum (forum sizes to run every scenario at, comma-separated thread
/// counts; 0: the demo data only), --products (catalog size for those runs), --carts (active
/// carts for the memory figure; 0 skips it).
/// </summary>
public sealed record LoadOptions(int Seconds, int Warmup, int Connections, int Threads, IReadOnlyList<int> ForumSizes, int Products, int Carts)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Value(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var forum = (Text("--forum") ?? "1000,100000").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToArray();
        return new LoadOptions(Value("--seconds", 8), Value("--warmup", 8), Value("--connections", 32), Value("--threads", 2),
            forum, Value("--products", 10_000), Value("--carts", 100_000));
    }
}
