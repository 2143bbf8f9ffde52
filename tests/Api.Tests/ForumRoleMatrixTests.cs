using System.Net;

namespace MedPlatform.Api.Tests;

/// <summary>Every forum endpoint against every kind of caller, with the status each must get.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class ForumRoleMatrixTests(EmbeddedApiFactory api)
{
    private static readonly string[] Roles = ["visitor", "patient", "other patient", "unverified doctor", "verified doctor", "admin"];

    // Expected status per role, in the order of Roles.
    private static readonly (string Method, string Path, object? Body, int[] Expected)[] Endpoints =
    [
        ("GET", "/api/forum/departments", null, [200, 200, 200, 200, 200, 200]),
        ("GET", "/api/forum/threads", null, [200, 200, 200, 200, 200, 200]),
        ("POST", "/api/forum/threads", new { title = "A matrix question", body = "Body", department = "dermatology" }, [401, 201, 201, 403, 403, 403]),
        ("GET", "/api/forum/threads/{id}", null, [200, 200, 200, 200, 200, 200]),
        ("POST", "/api/forum/threads/{id}/answers", new { body = "An answer" }, [401, 403, 403, 403, 201, 403]),
        ("POST", "/api/forum/threads/{id}/follow-ups", new { body = "A follow-up" }, [401, 201, 403, 403, 403, 403]),
        ("POST", "/api/forum/threads/{id}/answers/{answerId}/accept", null, [401, 200, 403, 403, 403, 403]),
        ("POST", "/api/forum/threads/{id}/answers/{answerId}/endorse", null, [401, 403, 403, 403, 200, 403]),
    ];

    public static TheoryData<string, string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, string, int>();
        foreach (var (method, path, _, expected) in Endpoints)
            for (var i = 0; i < Roles.Length; i++)
                cases.Add(method, path, Roles[i], expected[i]);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_expected_status(string method, string path, string role, int expected)
    {
        var actors = await ForumActors.GetAsync(api);
        var body = Endpoints.Single(e => e.Method == method && e.Path == path).Body;
        var url = path.Replace("{id}", actors.ThreadId, StringComparison.Ordinal).Replace("{answerId}", actors.AnswerId, StringComparison.Ordinal);

        var response = await actors.Client.SendAsync(new HttpMethod(method), url, body, actors.TokenOf(role));

        Assert.True((int)response.Status == expected, $"{role} {method} {path}: expected {expected}, got {response}");
        if (expected >= 400)
            response.ExpectProblem((HttpStatusCode)expected);
    }
}
