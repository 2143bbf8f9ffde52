using System.Diagnostics;
using System.Globalization;
using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.ForumBench;

/// <summary>
/// Starts the real Api (embedded mode, throwaway data directory), fills the forum through the
/// public API up to each thread count, and times the list and search requests a reader makes.
/// </summary>
public sealed class ForumBenchmark : IAsyncDisposable
{
    private readonly ApiProcess api;
    private readonly BenchOptions options;
    private readonly string dataDirectory;
    private readonly HttpClient http;
    private readonly QuestionText text = new(seed: 0);
    private int seeded;

    private ForumBenchmark(ApiProcess api, BenchOptions options, string dataDirectory)
    {
        this.api = api;
        this.options = options;
        this.dataDirectory = dataDirectory;
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<ForumBenchmark> StartAsync(BenchOptions options)
    {
        var dataDirectory = options.KeepDataIn ?? Directory.CreateTempSubdirectory("medplatform-bench-").FullName;
        var api = await ApiProcess.StartAsync("api", new Dictionary<string, string?>
        {
            ["Embedded__DataDirectory"] = dataDirectory,
            ["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Demo__Seed"] = "false",
            ["RateLimits__AuthenticationPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        return new ForumBenchmark(api, options, dataDirectory);
    }

    public async Task RunAsync(TextWriter output)
    {
        output.WriteLine($"Forum read latency, embedded mode (SQLite), {Environment.ProcessorCount} cores, {options.Samples} sequential requests per row after warm-up, signed in (a visitor's answer may come from the output cache).");
        output.WriteLine();
        output.WriteLine("| threads | request | p50 ms | p99 ms | mean ms | matches |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|");
        var client = new ApiClient(http);
        var patients = new List<string>();
        for (var i = 0; i < 20; i++)
            patients.Add((await client.RegisterAndLoginAsync()).AccessToken);

        foreach (var target in options.ThreadCounts)
        {
            await SeedAsync(patients, target);
            foreach (var (name, path) in Requests())
            {
                var (p50, p99, mean, matches) = await MeasureAsync(path, patients[0]);
                output.WriteLine($"| {target:N0} | {name} | {p50:0.00} | {p99:0.00} | {mean:0.00} | {matches:N0} |");
            }
        }
    }

    private static IEnumerable<(string Name, Func<int, string> Path)> Requests() =>
    [
        .. FixedRequests().Select(r => (r.Name, (Func<int, string>)(_ => r.Path))),
        // A search nobody made before: no kept total helps (QuestionText's words, a new pair each time).
        ("search, a new word pair each time", i => $"/api/forum/threads?q={QuestionText.Words[i % QuestionText.Words.Length]}+{QuestionText.Words[(i + 1 + i / QuestionText.Words.Length) % QuestionText.Words.Length]}&pageSize=20"),
    ];

    private static IEnumerable<(string Name, string Path)> FixedRequests() =>
    [
        ("newest, page 1", "/api/forum/threads?page=1&pageSize=20"),
        ("department, page 1", "/api/forum/threads?department=dermatology&pageSize=20"),
        ("newest, page 10", "/api/forum/threads?page=10&pageSize=20"),
        ("search, common word", "/api/forum/threads?q=pain&pageSize=20"),
        ("search, rarer word", "/api/forum/threads?q=psoriasis&pageSize=20"),
        ("search, two words", "/api/forum/threads?q=knee+swelling&pageSize=20"),
        ("search, prefix + department", "/api/forum/threads?q=migr&department=paediatrics&pageSize=20"),
    ];

    private async Task SeedAsync(IReadOnlyList<string> patients, int target)
    {
        var pending = target - seeded;
        var took = await new BenchData(http).AddQuestionsAsync(patients, text, pending, options.SeedConcurrency);
        seeded = target;
        Console.Error.WriteLine($"seeded {pending:N0} threads in {took.TotalSeconds:0.0} s ({pending / took.TotalSeconds:0} threads/s through POST /api/forum/threads)");
    }

    private async Task<(double P50, double P99, double Mean, long Matches)> MeasureAsync(Func<int, string> path, string token)
    {
        long matches = 0;
        const int warmup = 20;
        for (var i = 0; i < warmup; i++)
            matches = await GetCountAsync(path(i), token);
        var samples = new double[options.Samples];
        for (var i = 0; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetCountAsync(path(warmup + i), token);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Average(), matches);
    }

    private async Task<long> GetCountAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["totalCount"]!.GetValue<long>();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
        if (options.KeepDataIn is null)
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
