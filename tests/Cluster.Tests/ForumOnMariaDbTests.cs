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

    [Fact]
    public Task Word_forms_and_answers_are_searched_and_a_doctor_finds_an_asker_by_name_on_MariaDB() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var doctor = await client.RegisterAndLoginAsync("doctor");
        (await client.PostAsync($"/api/admin/doctors/{doctor.Id}/verify", null, admin.AccessToken)).Expect(HttpStatusCode.OK);
        doctor = await client.LoginAsync(doctor.Email);
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var patient = await client.RegisterAndLoginAsync(email: $"asker-{marker}@example.test");
        var id = (await client.PostAsync("/api/forum/threads",
            new { title = $"Night coughs and {marker}", body = "Since the autumn.", department = "general-practice" }, patient.AccessToken))
            .Expect(HttpStatusCode.Created).Str("id");
        var answerWord = "zr" + Guid.NewGuid().ToString("N")[..10];
        (await client.PostAsync($"/api/forum/threads/{id}/answers", new { body = $"Try {answerWord} before bed." }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created);

        var reader = cluster.Apis[1].NewClient();
        foreach (var q in new[] { $"{marker} coughing", answerWord })
            Assert.Contains((await reader.GetAsync($"/api/forum/threads?q={Uri.EscapeDataString(q)}")).Expect(HttpStatusCode.OK)["items"]!.AsArray(), t => t!.Str("id") == id);
        var patients = (await reader.GetAsync($"/api/patients?q={marker}", doctor.AccessToken)).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal(patient.Id, Assert.Single(patients)!.Str("id"));
    });
}
