using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

[Collection(nameof(ClusterTopology))]
public sealed class ClusterTests(ProcessCluster cluster)
{
    [Fact]
    public Task An_account_registered_through_one_api_instance_signs_in_through_another() => cluster.Explain(async () =>
    {
        var email = ApiClient.UniqueEmail();

        await cluster.Apis[0].NewClient().RegisterAsync(email);

        var signedIn = await cluster.Apis[1].NewClient().LoginAsync(email);
        (await cluster.Apis[0].NewClient().GetAsync("/api/me", signedIn.AccessToken)).Expect(HttpStatusCode.OK);
    });

    [Fact]
    public Task Many_accounts_registered_at_once_all_get_created() => cluster.Explain(async () =>
    {
        // Each registration writes new grains' first state; concurrent first writes into
        // neighbouring index gaps deadlock in InnoDB, and a deadlocked write must be run again,
        // not turned into a 500.
        var clients = cluster.Apis.Select(api => api.NewClient()).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 240), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, _) =>
        {
            var email = ApiClient.UniqueEmail();
            var response = await clients[i % clients.Count].PostAsync("/api/auth/register", ApiClient.Registration(email, "patient", "correct-horse-battery"));
            answers.Add(response.Status);
        });

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Created, status));
    });

    [Fact]
    public Task The_configured_admin_is_created_once_however_many_silos_start() => cluster.Explain(async () =>
    {
        var admin = await cluster.Apis[0].NewClient().LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);

        var admins = (await cluster.Apis[1].NewClient().GetAsync("/api/admin/users?role=admin", admin.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Single(admins["items"]!.AsArray(), a => a!.Str("email") == ProcessCluster.AdminEmail);
    });

    [Fact]
    public Task Emails_and_ids_that_look_like_numbers_keep_their_own_stored_state() => cluster.Explain(async () =>
    {
        // Orleans' ADO.NET storage reads "a+x@…" as integer 0xA with extension "x@…", and a 32-hex
        // id as a GUID in any letter case: keys must not be spelled so that two share a row.
        var client = cluster.Apis[0].NewClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await client.RegisterAsync($"a+{suffix}@example.test");
        var second = await client.RegisterAsync($"0a+{suffix}@example.test");
        Assert.NotEqual(first.Str("id"), second.Str("id"));

        var signedIn = await client.LoginAsync($"0a+{suffix}@example.test");
        Assert.Equal(second.Str("id"), signedIn.Id);
        var parts = signedIn.RefreshToken.Split('.');
        (await client.PostAsync("/api/auth/refresh", new { refreshToken = $"{parts[0].ToUpperInvariant()}.{parts[1]}.{parts[2]}" }))
            .ExpectProblem(HttpStatusCode.Unauthorized);

        var admin = await client.LoginAsync(ProcessCluster.AdminEmail, ProcessCluster.AdminPassword);
        var patients = (await client.GetAsync("/api/admin/users?role=patient&pageSize=100", admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(patients["items"]!.AsArray(), u => u!.Str("id") == signedIn.Id);
    });

    [Fact]
    public Task Accounts_are_still_there_when_a_silo_is_stopped_or_killed() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        // Enough accounts that both silos hold some of them.
        var emails = Enumerable.Range(0, 12).Select(_ => ApiClient.UniqueEmail()).ToList();
        foreach (var email in emails)
            await client.RegisterAsync(email);

        await cluster.Silos[1].StopAsync();
        await SignInAll(emails, cluster.Apis[1].NewClient());

        var replacement = await cluster.StartSiloAsync();
        await cluster.Silos[0].KillAsync();
        await SignInAll(emails, cluster.Apis[0].NewClient());

        await cluster.StartSiloAsync();
        Assert.False(replacement.Process.HasExited);
        await cluster.WaitUntilServingAsync();
    });

    [Fact]
    public Task While_the_database_is_down_requests_that_need_it_answer_503_and_work_again_after() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var known = ApiClient.UniqueEmail();
        await client.RegisterAsync(known);

        await cluster.MariaDb.StopAsync();
        ApiResponse registration, login;
        try
        {
            registration = await client.PostAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail()));
            login = await client.PostAsync("/api/auth/login", new { email = known, password = "correct-horse-battery" });
        }
        finally
        {
            await cluster.MariaDb.StartAsync();
        }

        // Not a 500: the database's own exception used to reach the Api as a codec error.
        Assert.True(registration.Headers.GetValueOrDefault("Retry-After") == "5", $"registration while the database was down answered {registration}");
        registration.ExpectProblem(HttpStatusCode.ServiceUnavailable);
        Assert.True(login.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"sign-in while the database was down answered {login}");
        await Poll.UntilAsync(async () =>
            (await client.PostAsync("/api/auth/register", ApiClient.Registration(ApiClient.UniqueEmail()))).Status == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60), "registration to work again once the database is back");
    });

    [Fact]
    public Task Data_survives_a_restart_of_every_process_including_the_databases() => cluster.Explain(async () =>
    {
        var client = cluster.Apis[0].NewClient();
        var email = ApiClient.UniqueEmail();
        await client.RegisterAsync(email);
        var before = await client.LoginAsync(email);

        await cluster.StopHostsAsync();
        await cluster.Redis.StopAsync();
        await cluster.MariaDb.StopAsync();
        await cluster.MariaDb.StartAsync();
        await cluster.Redis.StartAsync();
        await cluster.StartHostsAsync();

        var after = cluster.Apis[1].NewClient();
        Assert.Equal(before.Id, (await after.LoginAsync(email)).Id);
        (await after.PostAsync("/api/auth/refresh", new { refreshToken = before.RefreshToken })).Expect(HttpStatusCode.OK);
    });

    /// <summary>
    /// Every account signs in, allowing for the seconds the cluster needs to notice a dead silo;
    /// a request may fail fast meanwhile (503), but no account may be lost (a 401 would mean that).
    /// </summary>
    private async Task SignInAll(IEnumerable<string> emails, ApiClient client)
    {
        foreach (var email in emails)
        {
            ApiResponse? last = null;
            await Poll.UntilAsync(async () =>
            {
                last = await client.PostAsync("/api/auth/login", new { email, password = "correct-horse-battery" });
                Assert.NotEqual(HttpStatusCode.Unauthorized, last.Status);
                return last.Status == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(60), $"{email} to sign in (last answer: {last}){Environment.NewLine}{cluster.Diagnostics()}");
        }
    }
}
