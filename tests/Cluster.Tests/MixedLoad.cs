using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// Continuous mixed traffic through the gateway, as signed-in patients make it (so nothing is
/// answered from a cache): browse the catalog and the forum, put things in the cart, check out. Every request's outcome is kept, and every write the
/// platform acknowledged is remembered so it can be checked afterwards. A checkout that fails is
/// retried with the same Idempotency-Key, as the web app does, before the patient moves on.
/// </summary>
public sealed class MixedLoad : IAsyncDisposable
{

    private readonly ConcurrentQueue<Outcome> outcomes = new();
    private readonly List<Shopper> shoppers;
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<Task> running = [];
    private readonly ConcurrentDictionary<long, TimeSpan> inFlight = new();
    private long requests;
    private int staleConnectionRetries;

    private MixedLoad(List<Shopper> shoppers) => this.shoppers = shoppers;

    /// <summary>One request as the client saw it: when it started (since the load began), how long it took, and its answer.</summary>
    public sealed record Outcome(string Operation, TimeSpan StartedAt, TimeSpan Duration, HttpStatusCode? Status, string? Error)
    {
        public bool Failed => Status is null || (int)Status >= 500;
        public TimeSpan EndedAt => StartedAt + Duration;
        public override string ToString() =>
            $"{Operation} at {StartedAt.TotalSeconds:F1}s took {Duration.TotalMilliseconds:F0} ms: {(Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no answer")} {Error}";
    }

    public IReadOnlyList<Outcome> Outcomes => outcomes.ToList();
    public TimeSpan Elapsed => clock.Elapsed;
    public int AcknowledgedOrders => shoppers.Sum(s => s.Orders.Count);

    /// <summary>Creates a product with plenty of stock and <paramref name="shoppers"/> patients, then starts them all.</summary>
    public static async Task<MixedLoad> StartAsync(ApiClient client, int shoppers, int checkoutEvery = 4)
    {
        var (_, product) = await ClusterStaff.PharmacistWithProductAsync(client, "Load test vitamin", stock: 100_000, priceCents: 250);

        var people = new List<Shopper>();
        for (var i = 0; i < shoppers; i++)
            people.Add(new Shopper(i, await client.RegisterAndLoginAsync(), product));

        var load = new MixedLoad(people);
        foreach (var shopper in people)
            load.running.Add(Task.Run(() => load.Shop(client, shopper, checkoutEvery)));
        return load;
    }

    /// <summary>When the load was told to stop (the end of its steady traffic).</summary>
    public TimeSpan StoppedAt { get; private set; }

    public async Task StopAsync()
    {
        StoppedAt = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(running);
    }

    /// <summary>Stops the shoppers if the test ended early; a test that got this far already saw any of their failures.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(running));
        stop.Dispose();
    }

    /// <summary>Successful requests per second between two moments of the run.</summary>
    public double Throughput(TimeSpan from, TimeSpan to) =>
        outcomes.Count(o => !o.Failed && o.EndedAt >= from && o.EndedAt < to) / (to - from).TotalSeconds;

    /// <summary>
    /// Waits until the load has run for <paramref name="length"/> with every request answered well
    /// and none still waiting longer than that.
    /// </summary>
    public async Task WaitForCleanStretchAsync(TimeSpan after, TimeSpan length, TimeSpan within)
    {
        while (Elapsed < after + within)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            var now = Elapsed;
            var lastFailure = outcomes.Where(o => o.Failed && o.EndedAt >= after).Select(o => o.EndedAt).DefaultIfEmpty(after).Max();
            var stuck = inFlight.Values.Any(started => now - started > length);
            if (now - lastFailure >= length && !stuck)
                return;
        }
        throw new TimeoutException($"The load did not run {length.TotalSeconds} s without a failure within {within.TotalSeconds} s; last failures:\n"
            + string.Join("\n", outcomes.Where(o => o.Failed).TakeLast(10)));
    }

    /// <summary>From <paramref name="after"/> to the end of the last failed request after it (zero if none failed).</summary>
    public TimeSpan DisruptionAfter(TimeSpan after) =>
        outcomes.Where(o => o.Failed && o.EndedAt >= after).Select(o => o.EndedAt - after).DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>
    /// Checks every acknowledged write: each patient's cart holds what they last put in it, and
    /// each accepted order exists, is among the patient's orders (with no others), gets ready to
    /// ship, and was charged exactly once, for its total.
    /// </summary>
    public async Task VerifyAsync(ApiClient client, PaymentServiceProcess payments, TimeSpan ordersWithin)
    {
        foreach (var shopper in shoppers)
        {
            var cart = (await client.GetAsync("/api/cart", shopper.Patient.AccessToken)).Expect(HttpStatusCode.OK);
            var quantity = cart["items"]!.AsArray().Where(i => i!.Str("productId") == shopper.Product).Select(i => i!["quantity"]!.GetValue<int>()).SingleOrDefault();
            if (shopper.CartQuantity is { } expected)
                Assert.True(expected == quantity, $"Patient {shopper.Number}'s cart holds {quantity}, but the last acknowledged write left {expected}.");

            var listed = new HashSet<string>();
            for (var page = 1; ; page++)
            {
                var items = (await client.GetAsync($"/api/orders?pageSize=100&page={page}", shopper.Patient.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray();
                listed.UnionWith(items.Select(o => o!.Str("id")));
                if (items.Count < 100)
                    break;
            }
            Assert.True(listed.SetEquals(shopper.Orders.Keys),
                $"Patient {shopper.Number} has orders [{string.Join(", ", listed)}] but was told of [{string.Join(", ", shopper.Orders.Keys)}].");
        }

        var orders = shoppers.SelectMany(s => s.Orders.Select(o => (s.Patient, OrderId: o.Key, TotalCents: o.Value))).ToList();
        var deadline = DateTime.UtcNow + ordersWithin;
        foreach (var (patient, orderId, _) in orders)
        {
            string? status = null;
            await Poll.UntilAsync(async () =>
            {
                var answer = await client.GetAsync($"/api/orders/{orderId}", patient.AccessToken);
                status = answer.Status == HttpStatusCode.OK ? answer.Json.Str("status") : $"HTTP {(int)answer.Status}";
                Assert.NotEqual("paymentFailed", status);
                return status == "readyToShip";
            }, deadline - DateTime.UtcNow, $"order {orderId} to be ready to ship (last: {status})", TimeSpan.FromMilliseconds(200));
        }

        var ledger = await payments.LedgerAsync();
        foreach (var (_, orderId, totalCents) in orders)
        {
            Assert.True(ledger.TryGetValue(orderId, out var entry), $"Order {orderId} was never charged.");
            Assert.Equal(("charged", 1L, totalCents), (entry.Status, entry.ChargingRequests, entry.AmountCents));
        }
    }

    /// <summary>Where a newly accepted order stops once its automatic steps have run as far as they can.</summary>
    public async Task<string> WaitingOrderAsync(ApiClient client)
    {
        var latest = await LatestOrderAsync();
        string? status = null;
        await Poll.UntilAsync(async () =>
        {
            status = (await client.GetAsync($"/api/orders/{latest.OrderId}", latest.Patient.AccessToken)).Expect(HttpStatusCode.OK).Str("status");
            return status != "placed";
        }, TimeSpan.FromSeconds(10), "the new order to move past placed");
        return status!;
    }

    private async Task<(SignedInUser Patient, string OrderId)> LatestOrderAsync()
    {
        var before = AcknowledgedOrders;
        await Poll.UntilAsync(() => Task.FromResult(AcknowledgedOrders > before), TimeSpan.FromSeconds(30), "a new order to be accepted");
        var newest = shoppers.Select(s => (s.Patient, s.LastOrder)).Where(o => o.LastOrder is not null).MaxBy(o => o.LastOrder!.Value.At);
        return (newest.Patient, newest.LastOrder!.Value.OrderId);
    }

    /// <summary>Counts, durations and throughput, for the test's output.</summary>
    public string Report(string title, TimeSpan from, TimeSpan to)
    {
        var window = outcomes.Where(o => o.StartedAt >= from && o.StartedAt < to).ToList();
        var orders = outcomes.Count(o => o.Operation == "check out" && o.Status == HttpStatusCode.Accepted && o.StartedAt >= from && o.StartedAt < to);
        var failed = window.Where(o => o.Failed).ToList();
        // Which request was slowest, and when: a stall of one kind (a grain call left unanswered) reads differently from general slowness.
        var slowest = window.MaxBy(o => o.Duration);
        var slowestText = slowest is null ? "0 ms"
            : $"{slowest.Duration.TotalMilliseconds:F0} ms: {slowest.Operation} {(slowest.StartedAt - from).TotalSeconds:F1} s in";
        var line = $"Figures: {title}: {window.Count} requests over {(to - from).TotalSeconds:F0} s ({Throughput(from, to):F0} ok/s, "
            + $"slowest {slowestText}), {orders} checkouts accepted, {failed.Count} failed";
        if (failed.Count > 0)
            line += $" (duration max {failed.Max(o => o.Duration).TotalMilliseconds:F0} ms, median {Median(failed.Select(o => o.Duration)):F0} ms; "
                + string.Join(", ", failed.GroupBy(o => o.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : o.Error ?? "?").Select(g => $"{g.Count()}× {g.Key}"))
                + "; first: " + string.Join(" | ", failed.Take(2)) + ")";
        return line + (staleConnectionRetries > 0 ? $"; {staleConnectionRetries} requests repeated after a keep-alive connection closed under them" : "");
    }

    private static double Median(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => d.TotalMilliseconds).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private async Task Shop(ApiClient client, Shopper shopper, int checkoutEvery)
    {
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            // Signed in, as the web app browses for a patient: no cache answers for the cluster.
            var token = shopper.Patient.AccessToken;
            await Send(client, "browse catalog", HttpMethod.Get, "/api/products?pageSize=20", token: token);
            await Send(client, "view product", HttpMethod.Get, $"/api/products/{shopper.Product}", token: token);
            await Send(client, "browse forum", HttpMethod.Get, "/api/forum/threads?pageSize=20", token: token);
            var quantity = round % 3 + 1;
            var put = await Send(client, "put in cart", HttpMethod.Put, $"/api/cart/items/{shopper.Product}", new { quantity }, shopper.Patient.AccessToken);
            shopper.Acknowledge(put is { Status: HttpStatusCode.OK } ? quantity : null);
            // Only with an item known to be in the cart: an empty cart is rightly refused.
            if (round % checkoutEvery == 0 && shopper.CartQuantity > 0)
                await CheckOut(client, shopper, round);
        }
    }

    /// <summary>Checks out, retrying with the same key until the platform gives an answer.</summary>
    private async Task CheckOut(ApiClient client, Shopper shopper, int round)
    {
        var key = $"load-{shopper.Number}-{round}";
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var answer = await Send(client, "check out", HttpMethod.Post, "/api/orders", ClusterCheckout.Body,
                shopper.Patient.AccessToken, new Dictionary<string, string> { ["Idempotency-Key"] = key });
            if (answer is { Status: HttpStatusCode.Accepted })
            {
                shopper.Orders[answer.Json.Str("id")] = answer.Json["totalCents"]!.GetValue<long>();
                shopper.LastOrder = (answer.Json.Str("id"), clock.Elapsed);
                shopper.Acknowledge(0);
                return;
            }
            if (answer is { } refused && (int)refused.Status < 500)
                throw new InvalidOperationException($"Checkout {key} was refused: {refused}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        throw new InvalidOperationException($"Checkout {key} never got an answer.");
    }

    private async Task<ApiResponse?> Send(ApiClient client, string operation, HttpMethod method, string path, object? body = null, string? token = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var started = clock.Elapsed;
        var id = Interlocked.Increment(ref requests);
        inFlight[id] = started;
        try
        {
            var answer = await SendRetryingStaleConnection(client, method, path, body, token, headers);
            var outcome = new Outcome(operation, started, clock.Elapsed - started, answer.Status, (int)answer.Status >= 400 ? Shorten(answer.Body) : null);
            outcomes.Enqueue(outcome);
            if ((int)answer.Status is >= 400 and < 500)
                throw new InvalidOperationException($"A client error under load is a bug: {outcome}");
            if (outcome.Failed)
                await BackOff();
            return answer;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            outcomes.Enqueue(new Outcome(operation, started, clock.Elapsed - started, null, e.GetType().Name));
            await BackOff();
            return null;
        }
        finally
        {
            inFlight.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Repeats a request once when the connection it went out on was closed before any answer came
    /// back, as browsers do (RFC 9110 §9.2.2): a gateway reload closes idle keep-alive connections,
    /// and a request can cross the close. Only for requests safe to repeat; counted in the report.
    /// </summary>
    private async Task<ApiResponse> SendRetryingStaleConnection(ApiClient client, HttpMethod method, string path, object? body, string? token,
        IReadOnlyDictionary<string, string>? headers)
    {
        try
        {
            return await client.SendAsync(method, path, body, token, headers);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException && (method != HttpMethod.Post || headers?.ContainsKey("Idempotency-Key") == true))
        {
            Interlocked.Increment(ref staleConnectionRetries);
            return await client.SendAsync(method, path, body, token, headers);
        }
    }

    // A client that was just refused waits a moment before its next request, as the web app does.
    private static Task BackOff() => Task.Delay(TimeSpan.FromMilliseconds(250));

    private static string Shorten(string body) => body.Length <= 160 ? body : body[..160];

    private sealed class Shopper(int number, SignedInUser patient, string product)
    {
        public int Number { get; } = number;
        public SignedInUser Patient { get; } = patient;
        public string Product { get; } = product;

        /// <summary>Accepted orders and their totals.</summary>
        public ConcurrentDictionary<string, long> Orders { get; } = new();

        /// <summary>The quantity in the cart after the last write, or null once a write went unanswered (its effect is unknown).</summary>
        public int? CartQuantity { get; private set; } = 0;

        public (string OrderId, TimeSpan At)? LastOrder { get; set; }

        public void Acknowledge(int? quantity) => CartQuantity = quantity;
    }
}
