using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>What an operator sees of a running Api process: Prometheus metrics on their own port, JSON logs with trace ids.</summary>
public sealed class ObservabilityProcessTests : IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("medplatform-observability-").FullName;
    private readonly int metricsPort = FreePort.Next();
    private ApiProcess api = null!;

    public async Task InitializeAsync() => api = await ApiProcess.StartAsync("api (observability)", new Dictionary<string, string?>
    {
        ["Embedded__DataDirectory"] = dataDirectory,
        ["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Observability__MetricsPort"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        // One log line per request, so the test has a line to find its trace in.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    });

    [Fact]
    public async Task Prometheus_metrics_are_served_on_their_own_port_with_business_and_orleans_meters()
    {
        var client = api.NewClient();
        (await client.PostAsync("/api/auth/login", new { email = "alice@medplatform.test", password = "wrong-password-here" })).ExpectProblem(HttpStatusCode.Unauthorized);
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var metrics = new Uri($"http://127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}/metrics");

        string text = "";
        await Poll.UntilAsync(async () =>
        {
            text = await scraper.GetStringAsync(metrics);
            return text.Contains("medplatform_logins_failed_total", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(20), "the failed sign-in to show in the metrics");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        // Not on the public port: the gateway would otherwise publish it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task Log_lines_are_json_and_carry_the_trace_id_the_caller_sent()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        // Sent as a caller from outside would: this test process's own tracing must not replace the header.
        var client = new ApiClient(new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = api.BaseAddress });

        (await client.SendAsync(HttpMethod.Get, "/api/products?pageSize=1",
            headers: new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-{"b7ad6b7169203331"}-01" })).Expect(HttpStatusCode.OK);

        JsonNode? line = null;
        await Poll.UntilAsync(() =>
        {
            line = api.Process.RecentOutput(400).Split('\n')
                .Where(l => l.StartsWith('{') && l.Contains(traceId, StringComparison.Ordinal))
                .Select(l => JsonNode.Parse(l)).FirstOrDefault();
            return Task.FromResult(line is not null);
        }, TimeSpan.FromSeconds(10), $"a log line with trace id {traceId}; the last lines were:\n{api.Process.RecentOutput(5)}");
        Assert.NotNull(line!["Timestamp"]);
        Assert.NotNull(line["Category"]);
        Assert.Contains(line["Scopes"]!.AsArray(), scope => scope?["TraceId"]?.GetValue<string>() == traceId);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
