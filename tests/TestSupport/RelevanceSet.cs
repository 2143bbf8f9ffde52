using System.Text.Json.Nodes;

namespace MedPlatform.TestSupport;

/// <summary>
/// The search relevance set (tests/relevance/search-relevance.json): a query, how many of its first
/// results are looked at, and what must be among them. Run in embedded mode and on MariaDB.
/// </summary>
public static class RelevanceSet
{
    public sealed record Case(string Query, int Within, IReadOnlyList<string> Expected);

    private static readonly JsonNode Set = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoLayout.Root, "tests", "relevance", "search-relevance.json")))!;

    public static IReadOnlyList<Case> Catalog => Cases("catalog");

    public static IReadOnlyList<Case> Forum => Cases("forum");

    private static List<Case> Cases(string search) =>
        Set[search]!.AsArray().Select(query => new Case(
            query!["q"]!.GetValue<string>(), query["within"]!.GetValue<int>(),
            query["expect"]!.AsArray().Select(e => e!.GetValue<string>()).ToList())).ToList();
}
