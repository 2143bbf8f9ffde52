using System.Globalization;
using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.LoadBench;

/// <summary>
/// Grows the forum to each size the run asks for, and the catalog once to its size, through the
/// public API (patients ask, the demo pharmacist stocks the shelves).
/// </summary>
public sealed class ForumAndCatalogFiller(ApiProcess api, LoadOptions options)
{
    private const int Concurrency = 16;
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    private readonly QuestionText questions = new(seed: 0);
    private readonly List<string> patients = [];

    /// <summary>Fills up to <paramref name="forumSize"/> threads and the configured number of products; returns both counts as they now are.</summary>
    public async Task<(long Threads, long Products)> FillAsync(int forumSize)
    {
        var data = new BenchData(http);
        // The askers confirm their addresses from the mailbox folder first: an unconfirmed patient cannot ask.
        var client = new ApiClient(http) { Mailbox = api.Mailbox };
        while (patients.Count < 20)
            patients.Add((await client.RegisterAndLoginAsync()).AccessToken);
        if (await CountAsync("/api/products?pageSize=1") is var products && products < options.Products)
        {
            var pharmacist = await client.LoginAsync("pharmacist@medplatform.test", "demo-pass-2026");
            var adding = (int)(options.Products - products);
            var took = await data.AddProductsAsync(pharmacist.AccessToken, (int)products, adding, Concurrency);
            Report($"added {adding:N0} products in {took.TotalSeconds:0.0} s ({adding / took.TotalSeconds:0}/s through POST /api/products)");
        }
        if (await CountAsync("/api/forum/threads?pageSize=1") is var threads && threads < forumSize)
        {
            var adding = (int)(forumSize - threads);
            var took = await data.AddQuestionsAsync(patients, questions, adding, Concurrency);
            Report($"asked {adding:N0} questions in {took.TotalSeconds:0.0} s ({adding / took.TotalSeconds:0}/s through POST /api/forum/threads)");
        }
        return (await CountAsync("/api/forum/threads?pageSize=1"), await CountAsync("/api/products?pageSize=1"));
    }

    // Read signed in: a visitor's answer may come from the 5 s output cache.
    private async Task<long> CountAsync(string path) =>
        (await new ApiClient(http).GetAsync(path, patients[0])).Expect(HttpStatusCode.OK)["totalCount"]!.GetValue<long>();

    private static void Report(FormattableString line) => Console.Error.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
