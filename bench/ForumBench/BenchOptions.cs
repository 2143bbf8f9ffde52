using System.Globalization;

namespace MedPlatform.ForumBench;

public sealed record BenchOptions(IReadOnlyList<int> ThreadCounts, int Samples, int SeedConcurrency, string? KeepDataIn)
{
    public static BenchOptions Parse(string[] args)
    {
        var counts = new[] { 1_000, 100_000 };
        var samples = 300;
        var concurrency = 16;
        string? keep = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--threads": counts = args[i + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Order().ToArray(); break;
                case "--samples": samples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--keep-data": keep = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --threads 1000,100000 --samples 300 --concurrency 16 --keep-data DIR");
            }
        }
        return new BenchOptions(counts, samples, concurrency, keep);
    }
}
