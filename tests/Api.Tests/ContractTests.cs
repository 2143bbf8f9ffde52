using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The OpenAPI document is the contract every client is generated from (the web app's types, the
/// C# client): complete, lint-clean, and the same whether read from the build or from the Api.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed class ContractTests(EmbeddedApiFactory api)
{
    private static readonly string ContractDirectory = Path.Combine(RepoLayout.Root, "contract");
    private static readonly string BuiltDocument = Path.Combine(ContractDirectory, "openapi.json");
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task The_document_written_at_build_time_is_the_one_the_api_serves()
    {
        var served = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var built = JsonNode.Parse(await File.ReadAllTextAsync(BuiltDocument));

        Assert.True(JsonNode.DeepEquals(built, served), "contract/openapi.json differs from /openapi/v1.json: rebuild src/Api.");
    }

    [Fact]
    public async Task Redocly_finds_no_error_and_no_warning_in_the_document()
    {
        var cli = Path.Combine(ContractDirectory, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: run `npm ci` in contract/ (scripts/test.sh does).");

        var lint = await ToolRun.RunAsync("node", [cli, "lint", "openapi.json", "--format=json"], ContractDirectory);

        var totals = JsonNode.Parse(lint.Output)!["totals"]!;
        Assert.True(totals["errors"]!.GetValue<int>() == 0 && totals["warnings"]!.GetValue<int>() == 0, lint.ToString());
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public async Task Every_operation_has_an_operation_id_a_summary_and_a_problem_response()
    {
        var document = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var operations = Operations(document).ToList();

        Assert.True(operations.Count >= 42, $"{operations.Count} operations");
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), o.Name));
        Assert.All(operations, o => Assert.Contains(o.Operation["responses"]!.AsObject(),
            r => (r.Key.StartsWith('4') || r.Key.StartsWith('5')) && r.Value!["content"]!["application/problem+json"] is not null));
    }

    [Theory]
    [InlineData("/api/cart", "get", true)]
    [InlineData("/api/orders", "post", true)]
    [InlineData("/api/admin/users", "get", true)]
    [InlineData("/api/products", "get", false)]
    [InlineData("/api/auth/login", "post", false)]
    public async Task An_operation_that_needs_sign_in_requires_the_bearer_token_and_an_anonymous_one_does_not(string path, string verb, bool signInNeeded)
    {
        var document = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var security = document["paths"]![path]![verb]!["security"]!.AsArray();

        // An empty requirement is the document's way of saying "no sign-in needed".
        Assert.Equal(signInNeeded, security.All(requirement => requirement!.AsObject().ContainsKey("Bearer")));
        Assert.Equal(!signInNeeded, security.Any(requirement => requirement!.AsObject().Count == 0));
        if (signInNeeded)
            Assert.True(document["paths"]![path]![verb]!["responses"]!.AsObject().ContainsKey("401"));
    }

    [Fact]
    public async Task Checkout_lists_the_refusals_it_can_answer()
    {
        var document = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var responses = document["paths"]!["/api/orders"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "202", "400", "401", "403", "409", "413", "422", "429", "503" }, responses);
        Assert.Equal("checkout", document["paths"]!["/api/orders"]!["post"]!["operationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_view_field_that_is_internal_reaches_the_document()
    {
        var document = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var schemas = document["components"]!["schemas"]!;

        Assert.False(schemas["OrderView"]!["properties"]!.AsObject().ContainsKey("patientId"));
        Assert.False(schemas["CartLineView"]!["properties"]!.AsObject().ContainsKey("shortOfStock"));
        Assert.True(schemas["ThreadView"]!["properties"]!.AsObject().ContainsKey("askedByMe"));
        Assert.True(schemas["AnswerView"]!["properties"]!.AsObject().ContainsKey("endorsedByMe"));
    }

    [Fact]
    public async Task The_committed_contract_and_generated_web_types_match_the_build()
    {
        // The build has just written contract/openapi.json: a difference from the commit means the
        // contract changed without its file (and the clients generated from it) being committed.
        var diff = await ToolRun.RunAsync("git", ["diff", "--exit-code", "--stat", "--", "contract/openapi.json"], RepoLayout.Root);
        Assert.True(diff.ExitCode == 0, "contract/openapi.json is not committed as built:" + Environment.NewLine + diff);

        var web = Path.Combine(RepoLayout.Root, "src", "Web");
        var check = await ToolRun.RunAsync("npm", ["run", "--silent", "check:api"], web);
        Assert.True(check.ExitCode == 0, "src/Web's generated API types are stale (npm run generate:api):" + Environment.NewLine + check);
    }

    [Fact]
    public async Task The_committed_csharp_client_is_the_one_kiota_generates_from_the_contract()
    {
        var fresh = Directory.CreateTempSubdirectory("medplatform-kiota-").FullName;
        try
        {
            var generate = await ToolRun.RunAsync("bash", [Path.Combine("clients", "generate.sh"), fresh], RepoLayout.Root);
            Assert.True(generate.ExitCode == 0, generate.ToString());

            var committed = Path.Combine(RepoLayout.Root, "clients", "csharp", "Generated");
            Assert.Equal(SourceFiles(committed), SourceFiles(fresh));
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    // Every generated file's path and text; the lock file names where it was generated from, so it is left out.
    private static Dictionary<string, string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(verb => ($"{verb.Key.ToUpperInvariant()} {path.Key}", verb.Value!)));
}
