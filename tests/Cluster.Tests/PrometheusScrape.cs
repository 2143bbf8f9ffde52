using System.Globalization;

namespace MedPlatform.Cluster.Tests;

/// <summary>Reads a process's Prometheus metrics the way a scraper does.</summary>
public static class PrometheusScrape
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The sum over all series of a metric (0 if it is not reported, or the process does not answer).</summary>
    public static async Task<double> SumAsync(Uri metrics, string name)
    {
        string text;
        try
        {
            text = await Http.GetStringAsync(metrics);
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
            .Sum(Value);
    }

    // "name{labels} value [timestamp]"
    private static double Value(string line)
    {
        var afterLabels = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Every metric name the process reports, for a failure message.</summary>
    public static async Task<string> NamesAsync(Uri metrics) =>
        string.Join(" ", (await Http.GetStringAsync(metrics)).Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]));
}
