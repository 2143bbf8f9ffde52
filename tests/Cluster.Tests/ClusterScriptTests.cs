using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// scripts/cluster.sh as an operator uses it: up, status, down, with the gateway doing its part
/// (compression, short caching of visitors' reads, body limits) in front of the processes.
/// </summary>
public sealed class ClusterScriptTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "medplatform-cluster-script-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int port = FreePort.Next();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Up_serves_the_platform_through_nginx_status_reports_it_and_down_stops_every_process()
    {
        var up = await Script("up", "--silos", "2", "--apis", "2");
        Assert.True(up.ExitCode == 0, up.Output);
        Assert.Contains($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", up.Output, StringComparison.Ordinal);

        var status = await Script("status");
        Assert.True(status.ExitCode == 0, status.Output);
        foreach (var process in new[] { "mariadb", "redis", "smtp4dev", "payments", "silo-1", "silo-2", "api-1", "api-2", "nginx" })
            Assert.Matches($"(?m)^{process} +running", status.Output);

        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
        };
        var client = new ApiClient(http);
        var alice = await client.LoginAsync("alice@medplatform.test", "demo-pass-2026");
        Assert.Equal("patient", alice.Role);

        // Mail from the silos reaches the cluster's SMTP server (smtp4dev), whose page lists it.
        (await client.PostAsync("/api/me/password", new { currentPassword = "demo-pass-2026", newPassword = "alice-cluster-pass-2026" }, alice.AccessToken))
            .Expect(HttpStatusCode.NoContent);
        using var mailWeb = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{File.ReadAllText(Path.Combine(directory, "ports", "mail-web")).Trim()}") };
        await Poll.UntilAsync(async () => (await mailWeb.GetStringAsync("/api/messages")).Contains("alice@medplatform.test", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the password-changed mail in smtp4dev");
        Assert.Contains("mail sent by the platform", up.Output, StringComparison.Ordinal);

        // A visitor's catalog page: compressed, and the second one answered from nginx's cache.
        using var catalog = new HttpRequestMessage(HttpMethod.Get, "/api/products?pageSize=50");
        catalog.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var first = await http.SendAsync(catalog);
        using var second = await http.GetAsync("/api/products?pageSize=50");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("gzip", first.Content.Headers.ContentEncoding);
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache-Status").Single());

        // The web app's script: brotli for a browser that accepts it, cached for good (its name is its hash).
        var index = await http.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        using var asset = new HttpRequestMessage(HttpMethod.Get, script);
        asset.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var brotli = await http.SendAsync(asset);
        Assert.Equal(HttpStatusCode.OK, brotli.StatusCode);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", brotli.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // The Api instances share their output cache in Redis: one fills it, the other answers from
        // it (for the same host, as nginx passes it on).
        var apiPorts = new[] { "api-1", "api-2" }.Select(name => File.ReadAllText(Path.Combine(directory, "ports", name)).Trim()).ToList();
        using var direct = new HttpClient();
        var path = $"/api/forum/threads?pageSize=3&probe={Guid.NewGuid():N}";
        async Task<HttpResponseMessage> Read(string apiPort)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{apiPort}{path}"));
            request.Headers.Host = "medplatform.test";
            return await direct.SendAsync(request);
        }
        using var filled = await Read(apiPorts[0]);
        Assert.False(filled.Headers.Contains("Age"));
        // The entry is stored after the answer has gone out, in its own time: wait until the instance
        // that filled it answers from it (asking the other one meanwhile would fill it from there).
        await Poll.UntilAsync(async () =>
        {
            using var again = await Read(apiPorts[0]);
            return again.Headers.Contains("Age");
        }, TimeSpan.FromSeconds(10), "the first Api instance to answer from the shared output cache");
        using var shared = await Read(apiPorts[1]);
        Assert.True(shared.Headers.Contains("Age"), "The second Api instance should answer from the shared output cache.");

        var tooLarge = await client.SendAsync(HttpMethod.Post, "/api/forum/threads", new StringContent(new string('x', 300 * 1024), null, "application/json"));
        tooLarge.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);

        var pids = Directory.GetFiles(Path.Combine(directory, "pids")).Select(f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture)).ToList();
        var down = await Script("down");
        Assert.True(down.ExitCode == 0, down.Output);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} is still running after down"));
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(directory, "pids")))
            await Script("down");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task<(int ExitCode, string Output)> Script(string command, params string[] options)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoLayout.Root,
        };
        foreach (var argument in new[] { Path.Combine(RepoLayout.Root, "scripts", "cluster.sh"), command, "--dir", directory }.Concat(options))
            info.ArgumentList.Add(argument);
        if (command == "up")
        {
            info.ArgumentList.Add("--port");
            info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
