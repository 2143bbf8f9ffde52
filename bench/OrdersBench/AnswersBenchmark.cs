using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MedPlatform.TestSupport;

namespace MedPlatform.OrdersBench;

/// <summary>
/// A verified doctor answers questions at a fixed rate (open loop) over HTTP: the path a notification
/// hangs off (each answer tells its asker, in the app and by mail). Compared with and without
/// notifications by running it on the commit before them (docs/benchmarks.md).
/// </summary>
public sealed class AnswersBenchmark(BenchDeployment deployment) : IAsyncDisposable
{
    private const int Askers = 400;
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = deployment.Api.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task RunAsync(int rate, TimeSpan duration, TimeSpan warmup, TextWriter output)
    {
        var client = new ApiClient(http) { Mailbox = deployment.Mailbox };
        var admin = await client.LoginAsync(BenchDeployment.AdminEmail, BenchDeployment.AdminPassword);
        var doctor = await client.RegisterAndLoginAsync("doctor");
        (await client.PostAsync($"/api/admin/doctors/{doctor.Id}/verify", null, admin.AccessToken)).Expect(HttpStatusCode.OK);
        // The verification is carried in the next token.
        doctor = SignedInUser.From((await client.PostAsync("/api/auth/refresh", new { refreshToken = doctor.RefreshToken })).Expect(HttpStatusCode.OK));
        var threads = new string[Askers];
        await Parallel.ForEachAsync(Enumerable.Range(0, Askers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var asker = await client.RegisterAndLoginAsync();
            threads[i] = (await client.PostAsync("/api/forum/threads", new
            {
                title = $"Benchmark question {i}", body = "A question for the benchmark to answer, long enough to be a question.", department = "general-practice",
            }, asker.AccessToken)).Expect(HttpStatusCode.Created).Str("id");
        });
        Console.Error.WriteLine($"{Askers} questions asked; answering {rate}/s for {warmup.TotalSeconds:0} s of warm-up, then {duration.TotalSeconds:0} s measured");
        if (warmup > TimeSpan.Zero)
            await OfferAsync(doctor, threads, rate, warmup);
        var (timed, errors, offered) = await OfferAsync(doctor, threads, rate, duration);
        var sorted = timed.Select(t => t.Milliseconds).Order().ToArray();
        output.WriteLine($"Answers, {deployment.Description}, {Environment.ProcessorCount} cores, one doctor answering {Askers} threads.");
        output.WriteLine();
        output.WriteLine("| offered rate | answers posted | achieved rate | errors | answer p50 ms | p90 ms | p99 ms | max ms |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rate}/s | {sorted.Length} | {sorted.Length / offered.TotalSeconds:0.0}/s | {errors} | {P(sorted, 0.5):0.0} | {P(sorted, 0.9):0.0} | {P(sorted, 0.99):0.0} | {sorted[^1]:0.0} |"));
        // A stall shows as many slow answers sent close together: when, so it can be matched with what the machine did then.
        var slow = timed.Where(t => t.Milliseconds >= 50).OrderBy(t => t.SentAt).ToList();
        Console.Error.WriteLine(slow.Count == 0
            ? "no answer took 50 ms or more"
            : string.Create(CultureInfo.InvariantCulture,
                $"{slow.Count} answers took 50 ms or more, sent {slow[0].SentAt:HH:mm:ss.fff}–{slow[^1].SentAt:HH:mm:ss.fff} UTC; slowest {sorted[^1]:0} ms"));
    }

    private async Task<(ConcurrentBag<(DateTime SentAt, double Milliseconds)> Latencies, int Errors, TimeSpan Offered)> OfferAsync(
        SignedInUser doctor, string[] threads, int rate, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<(DateTime SentAt, double Milliseconds)>();
        var errors = 0;
        var total = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > started.Elapsed)
                await Task.Delay(due - started.Elapsed);
            var thread = threads[i % threads.Length];
            inFlight.Add(Task.Run(async () =>
            {
                var sentAt = DateTime.UtcNow;
                var begin = Stopwatch.GetTimestamp();
                using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/forum/threads/{thread}/answers")
                {
                    Content = JsonContent.Create(new { body = "Rest, fluids, and see your GP if it is not better in a week." }),
                };
                post.Headers.Authorization = new("Bearer", doctor.AccessToken);
                try
                {
                    using var answer = await http.SendAsync(post);
                    if (answer.StatusCode == HttpStatusCode.Created)
                        latencies.Add((sentAt, Stopwatch.GetElapsedTime(begin).TotalMilliseconds));
                    else
                        Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }
        await Task.WhenAll(inFlight);
        return (latencies, errors, started.Elapsed);
    }

    private static double P(double[] sorted, double quantile) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await deployment.DisposeAsync();
    }
}
