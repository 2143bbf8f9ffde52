using System.Globalization;
using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.LoadBench;

/// <summary>
/// Memory of the silo with many active carts: one product put in the carts of <c>count</c>
/// synthetic patients (each a cart grain activation with its state), and the process's resident
/// memory before and after. Embedded mode: the silo and the Api share the process.
/// </summary>
public static class CartMemory
{
    public static async Task<string> MeasureAsync(ApiProcess api, BenchTokens tokens, string productId, int count)
    {
        var before = ResidentBytes(api.Process.Id);
        var next = -1;
        var failures = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var client = new ApiClient(http);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var patient = i.ToString("x32", CultureInfo.InvariantCulture);
                var answer = await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", new { quantity = 1 }, tokens.PatientToken(patient));
                if (answer.Status != HttpStatusCode.OK)
                    Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = clock.Elapsed;
        // Let a collection settle what the filling allocated on the way.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = ResidentBytes(api.Process.Id);
        return string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} active carts filled in {elapsed.TotalSeconds:F0} s ({count / elapsed.TotalSeconds:N0}/s, {failures} failed): resident memory {before / 1048576.0:N0} MiB before, {after / 1048576.0:N0} MiB after ({(after - before) / (double)count:N0} bytes per cart)");
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
