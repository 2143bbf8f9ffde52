using System.Globalization;
using System.Net;
using System.Text;
using MedPlatform.TestSupport;

namespace MedPlatform.LoadBench;

/// <summary>
/// Starts the Api (embedded mode, demo data, throwaway data directory) and the ceiling server as
/// processes, drives each scenario with wrk, and prints every scenario beside its ceiling.
/// </summary>
public static class LoadBenchmark
{
    /// <param name="Rotation">A file of "token&lt;TAB&gt;body" lines the requests cycle through (see scripts/request.lua); Body and Token are its first line's.</param>
    private sealed record Scenario(string Name, string Method, string Path, string? Body = null, string? Token = null, string? Rotation = null);

    // Many users, as a shop has: one patient's cart, or one account's sign-ins, would measure one grain's queue.
    private const int CartPatients = 1_000;
    private const int SignInAccounts = 64;

    public static async Task RunAsync(LoadOptions options, TextWriter output)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("medplatform-loadbench-").FullName;
        var ceilingPort = FreePort.Next();
        await using var ceiling = ChildProcess.Start("ceiling", "dotnet",
            [typeof(LoadBenchmark).Assembly.Location, "ceiling", "--port", ceilingPort.ToString(CultureInfo.InvariantCulture)]);
        var ceilingAddress = new Uri($"http://127.0.0.1:{ceilingPort.ToString(CultureInfo.InvariantCulture)}");
        var signingKey = BenchTokens.NewSigningKey();
        await using var api = await ApiProcess.StartAsync("api", new Dictionary<string, string?>
        {
            ["Embedded__DataDirectory"] = dataDirectory,
            ["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            // wrk comes from one address; the per-network limits would measure themselves.
            ["RateLimits__AuthenticationPerMinute"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Jwt__SigningKey"] = signingKey,
        });
        await Poll.UntilReadyAsync(ceiling, ceilingAddress, TimeSpan.FromSeconds(30));
        try
        {
            var client = api.NewClient();
            var (scenarios, productId) = await ScenariosAsync(client, new BenchTokens(signingKey), dataDirectory);
            var filler = new ForumAndCatalogFiller(api, options);
            await output.WriteLineAsync($"wrk: {options.Threads} threads, {options.Connections} connections, {options.Seconds} s per run after {options.Warmup} s of warm-up; Api in embedded mode (SQLite), demo data");
            var ceilings = new Dictionary<int, WrkResult>();
            foreach (var forumSize in options.ForumSizes)
            {
                var (threads, products) = await filler.FillAsync(forumSize);
                await output.WriteLineAsync();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{threads:N0} threads, {products:N0} products:"));
                await output.WriteLineAsync();
                await output.WriteLineAsync("| scenario | req/s | p50 ms | p99 ms | errors | ceiling req/s (same body size) | ratio |");
                await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|");
                foreach (var scenario in scenarios)
                {
                    var size = await BodySizeAsync(client, scenario);
                    var measured = await WarmThenMeasure(new Uri(api.BaseAddress, scenario.Path), options, scenario);
                    if (!ceilings.TryGetValue(size, out var bare))
                        ceilings[size] = bare = await WarmThenMeasure(new Uri(ceilingAddress, $"/json/{size.ToString(CultureInfo.InvariantCulture)}"), options, null);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"| {scenario.Name} ({size:N0} B) | {measured.RequestsPerSecond:N0} | {measured.P50Ms:F2} | {measured.P99Ms:F2} | {measured.Errors} | {bare.RequestsPerSecond:N0} | {measured.RequestsPerSecond / bare.RequestsPerSecond:P0} |"));
                }
            }
            var commits = await SqliteCommitCeiling.CommitsPerSecondAsync(TimeSpan.FromSeconds(5));
            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Write ceiling: {commits:N0} single-row commits/s into SQLite (WAL, synchronous = NORMAL, one after another)."));
            var clusterCommits = await MariaDbCommitCeiling.CommitsPerSecondAsync(TimeSpan.FromSeconds(5));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Cluster-mode write ceiling: {clusterCommits:N0} single-row commits/s into MariaDB (InnoDB, log flushed at each commit, one after another)."));
            if (options.Carts > 0)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(await CartMemory.MeasureAsync(api, new BenchTokens(signingKey), productId, options.Carts));
            }
        }
        finally
        {
            await api.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // A first run of a path meets cold code (tiered JIT): it is run and thrown away before the measured one.
    private static async Task<WrkResult> WarmThenMeasure(Uri url, LoadOptions options, Scenario? scenario)
    {
        await Wrk.RunAsync(url, options with { Seconds = options.Warmup }, scenario?.Method ?? "GET", scenario?.Body, scenario?.Token, scenario?.Rotation);
        return await Wrk.RunAsync(url, options, scenario?.Method ?? "GET", scenario?.Body, scenario?.Token, scenario?.Rotation);
    }

    private static async Task<(List<Scenario> Scenarios, string ProductId)> ScenariosAsync(ApiClient client, BenchTokens tokens, string directory)
    {
        var patient = await client.LoginAsync("alice@medplatform.test", "demo-pass-2026");
        var product = (await client.GetAsync("/api/products?pageSize=50")).Expect(HttpStatusCode.OK)["items"]!.AsArray()
            .First(p => !p!["requiresPrescription"]!.GetValue<bool>() && !p["controlled"]!.GetValue<bool>())!.Str("id");
        var thread = (await client.GetAsync("/api/forum/threads?pageSize=1")).Expect(HttpStatusCode.OK)["items"]!.AsArray()[0]!.Str("id");
        return (
        [
            new("catalog page, visitor", "GET", "/api/products?pageSize=20"),
            new("catalog page, signed in (not cached)", "GET", "/api/products?pageSize=20", Token: patient.AccessToken),
            new("product detail, visitor", "GET", $"/api/products/{product}"),
            new("forum list, visitor", "GET", "/api/forum/threads?pageSize=20"),
            new("thread detail, visitor", "GET", $"/api/forum/threads/{thread}"),
            new("thread detail, signed in (not cached)", "GET", $"/api/forum/threads/{thread}", Token: patient.AccessToken),
            new("forum list, signed in (not cached)", "GET", "/api/forum/threads?pageSize=20", Token: patient.AccessToken),
            new("forum search, visitor", "GET", "/api/forum/threads?q=cough&pageSize=20"),
            new("forum search, signed in (not cached)", "GET", "/api/forum/threads?q=cough&pageSize=20", Token: patient.AccessToken),
            new("add to cart, one patient", "PUT", $"/api/cart/items/{product}", """{"quantity":1}""", patient.AccessToken),
            await CartRotationAsync($"add to cart, {CartPatients:N0} patients", product, tokens, directory),
            new("login, one account", "POST", "/api/auth/login", """{"email":"bob@medplatform.test","password":"demo-pass-2026"}"""),
            await SignInRotationAsync($"login, {SignInAccounts} accounts", client, directory),
        ], product);
    }

    /// <summary>
    /// Synthetic patients (tokens signed with the Api's key, ids apart from the cart-memory ones),
    /// each line flipping its patient's quantity between 1 and 2, so that every request changes a cart.
    /// </summary>
    private static async Task<Scenario> CartRotationAsync(string name, string product, BenchTokens tokens, string directory)
    {
        var patients = Enumerable.Range(0, CartPatients).Select(i => (0xbe_0000_0000L + i).ToString("x32", CultureInfo.InvariantCulture))
            .Select(tokens.PatientToken).ToList();
        var lines = new[] { 1, 2 }.SelectMany(quantity => patients.Select(token => token + "\t" + $$"""{"quantity":{{quantity}}}""")).ToList();
        var file = Path.Combine(directory, "cart-rotation.tsv");
        await File.WriteAllLinesAsync(file, lines);
        return new Scenario(name, "PUT", $"/api/cart/items/{product}", """{"quantity":1}""", patients[0], file);
    }

    /// <summary>Real accounts, registered through the Api (one password hash each), signed in to in turn.</summary>
    private static async Task<Scenario> SignInRotationAsync(string name, ApiClient client, string directory)
    {
        var bodies = new List<string>();
        foreach (var _ in Enumerable.Range(0, SignInAccounts))
        {
            var email = ApiClient.UniqueEmail("signin");
            await client.RegisterAsync(email);
            bodies.Add(System.Text.Json.JsonSerializer.Serialize(new { email, password = "correct-horse-battery" }));
        }
        var file = Path.Combine(directory, "signin-rotation.tsv");
        await File.WriteAllLinesAsync(file, bodies.Select(body => "\t" + body));
        return new Scenario(name, "POST", "/api/auth/login", bodies[0], Rotation: file);
    }

    private static async Task<int> BodySizeAsync(ApiClient client, Scenario scenario)
    {
        var answer = await client.SendAsync(new HttpMethod(scenario.Method), scenario.Path,
            scenario.Body is null ? null : new StringContent(scenario.Body, Encoding.UTF8, "application/json"), scenario.Token);
        if ((int)answer.Status >= 400)
            throw new InvalidOperationException($"{scenario.Name}: {answer}");
        return Encoding.UTF8.GetByteCount(answer.Body);
    }
}
