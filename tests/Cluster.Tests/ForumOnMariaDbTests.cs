using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>The forum read model and its full-text search on MariaDB, through the cluster's Api.</summary>
[Collection(nameof(ClusterTopology))]
public sealed class ForumOnMariaDbTests(ProcessCluster cluster)
{
    [Fact]
    public Task Departments_are_seeded_and_questions_are_found_by_long_short_and_common_words() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var departments = (await client.GetAsync("/api/forum/departments")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Contains(departments, d => d!.Str("id") == "mental-health");

        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var patient = await client.RegisterAndLoginAsync();
        var id = (await client.PostAsync("/api/forum/threads",
            new { title = $"Question about {marker} tablets", body = "My GP prescribed them after the scan.", department = "general-practice", anonymous = true },
            patient.AccessToken)).Expect(HttpStatusCode.Created).Str("id");

        var reader = cluster.Apis[1].NewClient();
        foreach (var q in new[] { marker, $"about {marker}", $"GP {marker}", $"{marker[..6]} tablet" })
        {
            var found = (await reader.GetAsync($"/api/forum/threads?q={Uri.EscapeDataString(q)}")).Expect(HttpStatusCode.OK);
            var thread = Assert.Single(found["items"]!.AsArray(), t => t!.Str("id") == id);
            Assert.Equal("Anonymous", thread!.Str("authorName"));
        }
        Assert.Empty((await reader.GetAsync($"/api/forum/threads?q={marker}+unrelatedword")).Expect(HttpStatusCode.OK)["items"]!.AsArray());
    });
}
