using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.OrdersBench;

/// <summary>
/// Against the real Api (embedded mode or a cluster, see <see cref="BenchDeployment"/>), places orders at a fixed
/// rate (open loop: a slow answer does not slow the arrivals) from many patients, each order a
/// cart update and a checkout. Latency placed → readyToShip is read from each order's history,
/// which the server stamps; the checkout's own answer time is measured by the client.
/// </summary>
public sealed class OrdersBenchmark(BenchDeployment deployment, int gatewayLatencyMs, int productCount) : IAsyncDisposable
{
    private const int Patients = 400;
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = deployment.Api.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task RunAsync(int rate, TimeSpan duration, TimeSpan warmup, TextWriter output)
    {
        // The write ceiling of the same database, measured before the load (the silos idle).
        var commitCeiling = deployment.MariaDb is { } mariaDb ? await MariaDbCommitCeiling.CommitsPerSecondAsync(mariaDb, TimeSpan.FromSeconds(5)) : (double?)null;
        var client = new ApiClient(http) { Mailbox = deployment.Mailbox };
        var admin = await client.LoginAsync(BenchDeployment.AdminEmail, BenchDeployment.AdminPassword);
        var products = new string[productCount];
        for (var i = 0; i < productCount; i++)
        {
            products[i] = (await client.PostAsync("/api/products", new
            {
                name = $"Benchmark vitamin {i + 1}", category = "vitamins", form = "tablet", strength = "1 mg", description = "For the benchmark.",
                priceCents = 199, stock = 1_000_000, requiresPrescription = false, controlled = false,
            }, admin.AccessToken)).Expect(HttpStatusCode.Created).Str("id");
        }
        var patients = new SignedInUser[Patients];
        await Parallel.ForEachAsync(Enumerable.Range(0, Patients), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => patients[i] = await client.RegisterAndLoginAsync());
        Console.Error.WriteLine($"{Patients} patients ready; placing {rate} orders/s for {warmup.TotalSeconds:0} s of warm-up, then {duration.TotalSeconds:0} s measured");

        if (warmup > TimeSpan.Zero)
        {
            // Cold code (tiered JIT) in the silos would otherwise be measured: a first run is thrown away.
            var cold = await OfferAsync(patients, products, rate, warmup, firstSequence: 0);
            foreach (var (token, orderId) in cold.Placed)
                await ProcessingMsAsync(token, orderId);
        }
        var (placed, checkoutMs, errors, offered) = await OfferAsync(patients, products, rate, duration, firstSequence: 1_000_000);

        var processing = new List<double>();
        foreach (var (token, orderId) in placed)
            processing.Add(await ProcessingMsAsync(token, orderId));
        processing.Sort();
        var checkouts = checkoutMs.Order().ToArray();

        output.WriteLine($"Orders, {deployment.Description}, {Environment.ProcessorCount} cores, simulated gateway latency {gatewayLatencyMs} ms, orders spread over {productCount} product(s).");
        output.WriteLine();
        output.WriteLine("| offered rate | orders placed | achieved rate | errors | checkout p50 ms | checkout p99 ms | placed→readyToShip p50 ms | p99 ms | max ms |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rate}/s | {placed.Count} | {placed.Count / offered.TotalSeconds:0.0}/s | {errors} | {P(checkouts, 0.5):0.0} | {P(checkouts, 0.99):0.0} | {P(processing, 0.5):0.0} | {P(processing, 0.99):0.0} | {processing[^1]:0.0} |"));
        if (commitCeiling is { } commits)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MariaDB's raw commit rate on the same server (single-row transactions, one after another): {commits:N0}/s; orders achieved: {placed.Count / offered.TotalSeconds / commits:P1} of it."));
        }
    }

    /// <summary>Places orders at <paramref name="rate"/> for <paramref name="duration"/>, open loop; idempotency keys numbered from <paramref name="firstSequence"/>.</summary>
    private async Task<(ConcurrentBag<(string Token, string OrderId)> Placed, ConcurrentBag<double> CheckoutMs, int Errors, TimeSpan Offered)> OfferAsync(
        SignedInUser[] patients, string[] products, int rate, TimeSpan duration, int firstSequence)
    {
        var placed = new ConcurrentBag<(string Token, string OrderId)>();
        var checkoutMs = new ConcurrentBag<double>();
        var errors = 0;
        var total = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > started.Elapsed)
                await Task.Delay(due - started.Elapsed);
            var patient = patients[i % Patients];
            var sequence = firstSequence + i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var begin = Stopwatch.GetTimestamp();
                    var order = await PlaceAsync(patient, products[sequence % products.Length], sequence);
                    checkoutMs.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    placed.Add((patient.AccessToken, order));
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }
        await Task.WhenAll(inFlight);
        return (placed, checkoutMs, errors, started.Elapsed);
    }

    /// <summary>One order: the patient's cart set to one line, then checkout with an idempotency key.</summary>
    private async Task<string> PlaceAsync(SignedInUser patient, string product, int sequence)
    {
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/cart/items/{product}") { Content = JsonContent.Create(new { quantity = 1 + sequence % 3 }) })
        {
            put.Headers.Authorization = new("Bearer", patient.AccessToken);
            using var response = await http.SendAsync(put);
            response.EnsureSuccessStatusCode();
        }
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                shippingAddress = new { name = "Bench", line1 = "1 Main Street", city = "Berlin", postalCode = "10115", country = "DE" },
                payment = new { cardNumber = "4242 4242 4242 4242", expiry = "12/30", cvc = "123" },
            }),
        };
        checkout.Headers.Authorization = new("Bearer", patient.AccessToken);
        checkout.Headers.Add("Idempotency-Key", $"bench-{sequence}");
        using var answer = await http.SendAsync(checkout);
        if (answer.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Checkout answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.Str("id");
    }

    /// <summary>readyToShip's time minus placed's, from the order's own history (waits for it to get there).</summary>
    private async Task<double> ProcessingMsAsync(string token, string orderId)
    {
        var client = new ApiClient(http);
        JsonNode? order = null;
        await Poll.UntilAsync(async () =>
        {
            order = (await client.GetAsync($"/api/orders/{orderId}", token)).Expect(HttpStatusCode.OK);
            return order.Str("status") == "readyToShip";
        }, TimeSpan.FromSeconds(120), $"order {orderId}");
        var history = order!["history"]!.AsArray();
        DateTimeOffset At(string status) => DateTimeOffset.Parse(history.First(h => h!.Str("status") == status)!.Str("at"), CultureInfo.InvariantCulture);
        return (At("readyToShip") - At("placed")).TotalMilliseconds;
    }

    private static double P(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await deployment.DisposeAsync();
    }
}
