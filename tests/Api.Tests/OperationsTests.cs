using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class OperationsTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_storage_is_reachable()
    {
        (await client.GetAsync("/health/live")).Expect(HttpStatusCode.OK);

        var ready = (await client.GetAsync("/health/ready")).Expect(HttpStatusCode.OK);

        Assert.Equal("healthy", ready.Str("status"));
        Assert.Equal("healthy", ready["checks"]!["cluster"]!.Str("status"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_account_endpoints_and_bearer_auth()
    {
        var document = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/auth/register", paths);
        Assert.Contains("/api/auth/login", paths);
        Assert.Contains("/api/admin/doctors/{id}/verify", paths);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
    }

    [Fact]
    public async Task The_interactive_api_reference_is_served()
    {
        var page = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("openapi/v1.json", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_not_an_html_page()
    {
        var patient = await client.RegisterAndLoginAsync();

        (await client.GetAsync("/api/no-such-thing", patient.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await client.GetAsync("/api/auth/login");

        response.ExpectProblem(HttpStatusCode.MethodNotAllowed);
    }
}
