using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;
using Xunit.Abstractions;

namespace MedPlatform.Browser.Tests;

/// <summary>
/// Lighthouse (pinned in tests/Lighthouse, mobile emulation with its simulated slow 4G and CPU, in
/// Debian's Chromium) on the pages people land on: the home page, the catalog, a product and a
/// thread, three times each (five when the performance median falls short): the medians are printed with the run's figures and held to the targets below. Runs alone
/// (after the other browser tests), so other tests' work does not take its CPU.
/// </summary>
[Collection(nameof(LighthouseRun))]
public sealed class LighthouseTests(WebPlatform platform, ITestOutputHelper output)
{
    private static readonly string LighthouseCli = Path.Combine(RepoLayout.Root, "tests", "Lighthouse", "node_modules", "lighthouse", "cli", "index.js");

    public static TheoryData<string> Pages => new() { "home", "catalog", "product", "thread" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_scores_at_least_90_for_performance_95_for_seo_and_100_for_accessibility_and_best_practices(string name)
    {
        Assert.True(File.Exists(LighthouseCli), $"{LighthouseCli} is missing: run `npm ci` in tests/Lighthouse (scripts/test.sh does).");
        var url = new Uri(platform.BaseAddress, await PathOf(name));

        // Three runs and the median of each score, as Lighthouse's own guidance on variance advises:
        // one run's performance score moves by several points with what else the machine is doing
        // (the simulated CPU is this machine's, slowed four times). A median below the target gets
        // two runs more and the median of five, which that guidance calls steadier still; a page
        // that is really slower stays below it.
        var reports = new List<JsonNode>();
        for (var run = 0; run < 3; run++)
            reports.Add(await RunLighthouseAsync(url));
        if (Median(reports.Select(Performance)) < 90)
        {
            for (var run = 0; run < 2; run++)
                reports.Add(await RunLighthouseAsync(url));
        }
        var report = reports.OrderBy(Performance).ElementAt(reports.Count / 2);

        var categories = new[] { "performance", "accessibility", "best-practices", "seo" };
        var scores = categories.ToDictionary(c => c, c => Median(reports.Select(r => Score(r, c))));
        output.Report($"Lighthouse (mobile) {name} {url.AbsolutePath}, median of {reports.Count}: " + string.Join(", ", scores.Select(s => $"{s.Key} {s.Value}"))
            + $" (performance runs: {string.Join(" ", reports.Select(Performance))}; this machine's benchmark index {report["environment"]?["benchmarkIndex"]})");
        var failing = report["audits"]!.AsObject()
            .Where(a => a.Value!["score"] is JsonValue score && score.GetValue<double>() < 0.9 && a.Value["scoreDisplayMode"]?.GetValue<string>() != "informative")
            .Select(a => $"{a.Key} {a.Value!["score"]} {a.Value["displayValue"]}");
        var why = string.Join("; ", failing);
        Assert.True(scores["performance"] >= 90, $"performance {scores["performance"]}: {why}");
        Assert.True(scores["accessibility"] == 100, $"accessibility {scores["accessibility"]}: {why}");
        Assert.True(scores["best-practices"] == 100, $"best practices {scores["best-practices"]}: {why}");
        Assert.True(scores["seo"] >= 95, $"seo {scores["seo"]}: {why}");
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int Score(JsonNode report, string category) => (int)Math.Round(report["categories"]![category]!["score"]!.GetValue<double>() * 100);

    private static int Performance(JsonNode report) => Score(report, "performance");

    private async Task<string> PathOf(string page)
    {
        using var http = platform.NewHttpClient();
        return page switch
        {
            "home" => "/",
            "catalog" => "/medicines",
            "product" => "/medicines/" + (await http.GetFromJsonAsync<JsonNode>("/api/products?pageSize=1"))!["items"]![0]!["id"]!.GetValue<string>(),
            "thread" => "/forum/threads/" + (await http.GetFromJsonAsync<JsonNode>("/api/forum/threads?pageSize=1"))!["items"]![0]!["id"]!.GetValue<string>(),
            _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
        };
    }

    private static async Task<JsonNode> RunLighthouseAsync(Uri url)
    {
        var profile = Directory.CreateTempSubdirectory("medplatform-lighthouse-").FullName;
        try
        {
            var run = await ToolRun.RunAsync("node",
            [
                LighthouseCli, url.ToString(), "--chrome-path=" + WebPlatform.ChromiumPath,
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=" + profile,
                "--only-categories=performance,accessibility,best-practices,seo", "--output=json", "--output-path=stdout", "--quiet",
            ], RepoLayout.Root, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.ToString());
            return JsonNode.Parse(run.Output) ?? throw new InvalidOperationException("Lighthouse printed no report.");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>Lighthouse's own collection, run after the others and not beside them: its performance score measures CPU time.</summary>
[CollectionDefinition(nameof(LighthouseRun), DisableParallelization = true)]
public sealed class LighthouseRun : ICollectionFixture<WebPlatform>;
