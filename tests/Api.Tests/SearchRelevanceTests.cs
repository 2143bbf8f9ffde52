using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The search relevance set (<see cref="RelevanceSet"/>): each query, run against the demo catalog
/// and forum, has what a pharmacist would expect among its first results. One case per expected
/// result, so a miss names the query and what it missed.
/// </summary>
[Collection(nameof(DemoDataApi))]
public sealed class SearchRelevanceTests(DemoDataApiFactory api)
{
    public static TheoryData<string, string, int> Catalog() => Cases(RelevanceSet.Catalog);

    public static TheoryData<string, string, int> Forum() => Cases(RelevanceSet.Forum);

    [Theory]
    [MemberData(nameof(Catalog))]
    public async Task A_catalog_search_finds_what_a_pharmacist_would_expect(string q, string expected, int within) =>
        await Expect($"/api/products?q={Uri.EscapeDataString(q)}&pageSize={within}", "name", expected);

    [Theory]
    [MemberData(nameof(Forum))]
    public async Task A_forum_search_finds_the_threads_that_answer_it(string q, string expected, int within) =>
        await Expect($"/api/forum/threads?q={Uri.EscapeDataString(q)}&pageSize={within}", "title", expected);

    [Fact]
    public async Task A_corrected_search_says_what_it_searched_for_and_one_run_as_typed_says_nothing()
    {
        var corrected = (await api.NewClient().GetAsync("/api/products?q=nurofn")).Expect(HttpStatusCode.OK);
        var asTyped = (await api.NewClient().GetAsync("/api/products?q=ibuprofen")).Expect(HttpStatusCode.OK);

        Assert.Equal("nurofen", corrected.Str("searchedFor"));
        Assert.Equal("Ibuprofen", corrected["items"]![0]!.Str("name"));
        Assert.Null(asTyped["searchedFor"]);
    }

    [Fact]
    public void The_set_has_at_least_thirty_queries_across_both_searches() =>
        Assert.True(RelevanceSet.Catalog.Count + RelevanceSet.Forum.Count >= 30);

    private async Task Expect(string path, string field, string expected)
    {
        var page = (await api.NewClient().GetAsync(path)).Expect(HttpStatusCode.OK);
        var found = page["items"]!.AsArray().Select(item => item!.Str(field)).ToList();
        Assert.True(found.Contains(expected), $"'{expected}' is not among the first results: [{string.Join(", ", found)}]");
    }

    private static TheoryData<string, string, int> Cases(IReadOnlyList<RelevanceSet.Case> cases)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var query in cases)
        {
            foreach (var expected in query.Expected)
                data.Add(query.Query, expected, query.Within);
        }
        return data;
    }
}
