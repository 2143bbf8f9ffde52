using System.Globalization;

namespace MedPlatform.LoadBench;

/// <summary>
/// Command line: --seconds (per measured run), --warmup (seconds, discarded), --connections,
/// --threads (wrk's), --carts (active carts for the memory figure; 0 skips it).
/// </summary>
public sealed record LoadOptions(int Seconds, int Warmup, int Connections, int Threads, int Carts)
{
    public static LoadOptions Parse(string[] args)
    {
        int Value(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(Value("--seconds", 10), Value("--warmup", 3), Value("--connections", 32), Value("--threads", 2), Value("--carts", 100_000));
    }
}
