using System.Globalization;
using MedPlatform.TestSupport;
using Microsoft.Data.Sqlite;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// The payment service (src/Payments) as a process on a fixed port and data directory, so a test
/// can stop it and bring it back as the same service with the same ledger and key.
/// </summary>
public sealed class PaymentServiceProcess : IAsyncDisposable
{
    public const string ApiKey = "cluster-tests-payments-key-0123456789";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("medplatform-payments-").FullName;
    private readonly int port = FreePort.Next();
    private ChildProcess? process;

    public Uri BaseAddress => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    public string RecentOutput => process?.RecentOutput(30) ?? "";

    public async Task StartAsync()
    {
        process = ChildProcess.StartDotnet("payments", "Payments", "MedPlatform.Payments.dll", [], new Dictionary<string, string?>
        {
            ["Urls"] = BaseAddress.ToString(),
            ["PaymentService__DataDirectory"] = dataDirectory,
            ["PaymentService__ApiKey"] = ApiKey,
            ["Observability__JsonLogs"] = "false",
            // A round trip long enough for a silo to die between a charge and its record.
            ["PaymentService__SimulatedLatency"] = "00:00:00.200",
        });
        await Poll.UntilReadyAsync(process, BaseAddress, TimeSpan.FromSeconds(60));
    }

    public Task StopAsync() => process?.StopAsync() ?? Task.CompletedTask;

    /// <summary>Deletes the service's key (while it is stopped), as a lost data volume would: it makes a new one at start.</summary>
    public void LoseKey()
    {
        if (process is { HasExited: false })
            throw new InvalidOperationException("Stop the payment service first.");
        File.Delete(Path.Combine(dataDirectory, "service-key.pem"));
    }

    /// <summary>
    /// Per order, from the service's own ledger: how many requests actually charged a card, and
    /// the amount of the charge that stands.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LedgerEntry>> LedgerAsync()
    {
        await using var ledger = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "payments.db")};Mode=ReadOnly;Pooling=false");
        await ledger.OpenAsync();
        await using var query = ledger.CreateCommand();
        query.CommandText = """
            SELECT c.order_id, c.amount_cents, c.status,
                   (SELECT COUNT(*) FROM gateway_requests r WHERE r.order_id = c.order_id AND r.operation = 'charge' AND r.outcome = 'charged')
            FROM gateway_charges c;
            """;
        var entries = new Dictionary<string, LedgerEntry>();
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            entries[rows.GetString(0)] = new LedgerEntry(rows.GetInt64(1), rows.GetString(2), rows.GetInt64(3));
        return entries;
    }

    public sealed record LedgerEntry(long AmountCents, string Status, long ChargingRequests);

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
            await process.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
