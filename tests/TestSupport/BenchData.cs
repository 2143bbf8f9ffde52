using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MedPlatform.TestSupport;

/// <summary>
/// Fills a running Api through its public API for the benchmarks, as its users would: patients'
/// questions and a pharmacist's catalog entries. Each method reports how long the filling took.
/// </summary>
public sealed class BenchData(HttpClient http)
{
    /// <summary>Asks <paramref name="count"/> questions, spread over the patients, the text drawn from <paramref name="text"/>.</summary>
    public async Task<TimeSpan> AddQuestionsAsync(IReadOnlyList<string> patientTokens, QuestionText text, int count, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            (string Title, string Body, string Department) question;
            lock (text)
                question = text.Next();
            await PostAsync("/api/forum/threads", new { title = question.Title, body = question.Body, department = question.Department },
                patientTokens[i % patientTokens.Count], ct);
        });
        return watch.Elapsed;
    }

    /// <summary>Adds <paramref name="count"/> over-the-counter products, numbered from <paramref name="first"/>, across the catalog's categories.</summary>
    public async Task<TimeSpan> AddProductsAsync(string staffToken, int first, int count, int concurrency)
    {
        var categories = JsonNode.Parse(await http.GetStringAsync("/api/products/categories"))!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToArray();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var words = QuestionText.Words;
            await PostAsync("/api/products", new
            {
                name = $"{char.ToUpperInvariant(words[i % words.Length][0])}{words[i % words.Length][1..]} remedy no. {i}",
                category = categories[i % categories.Length],
                form = "tablet",
                strength = $"{10 + i % 490} mg",
                description = $"Benchmark catalog entry {i}: {words[(i * 7) % words.Length]} and {words[(i * 13) % words.Length]} relief.",
                priceCents = 199 + i % 5000,
                stock = 1000,
                requiresPrescription = false,
                controlled = false,
            }, staffToken, ct);
        });
        return watch.Elapsed;
    }

    private async Task PostAsync(string path, object body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Filling {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
