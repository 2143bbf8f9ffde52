using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MedPlatform.LoadBench;

/// <summary>What wrk measured for one scenario.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

/// <summary>Runs Debian's wrk (a separate process, its own threads) against one URL and reads its report.</summary>
public static partial class Wrk
{
    /// <param name="rotation">A file of "token&lt;TAB&gt;body" lines the requests cycle through, instead of one body and token.</param>
    public static async Task<WrkResult> RunAsync(Uri url, LoadOptions options, string method = "GET", string? body = null, string? token = null,
        string? rotation = null)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "-t", options.Threads.ToString(CultureInfo.InvariantCulture), "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{options.Seconds.ToString(CultureInfo.InvariantCulture)}s", "--latency", "--timeout", "10s",
                     "-s", Path.Combine(AppContext.BaseDirectory, "scripts", "request.lua"), url.ToString(),
                 })
            info.ArgumentList.Add(argument);
        info.Environment["WRK_METHOD"] = method;
        info.Environment["WRK_BODY"] = body ?? "";
        info.Environment["WRK_TOKEN"] = token ?? "";
        info.Environment["WRK_ROTATION"] = rotation ?? "";
        info.Environment["WRK_THREADS"] = options.Threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed: {errors}{output}");
        return Parse(output);
    }

    public static WrkResult Parse(string report)
    {
        var requests = long.Parse(RequestsLine().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccessLine().Match(report) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrorsLine().Match(report) is { Success: true } s
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(
            double.Parse(RateLine().Match(report).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(report, "50"), Percentile(report, "99"), requests, non2xx + socket);
    }

    private static double Percentile(string report, string percent)
    {
        var match = Regex.Match(report, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
