using System.Net;
using MedPlatform.TestSupport;
using Xunit.Abstractions;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// The whole topology (nginx, two Api instances, silos, the payment service, MariaDB, Redis) under
/// continuous mixed load while processes die, restart, join or go away. The figures each test
/// prints (lines starting "Figures:") are what docs/design-notes.md quotes.
/// </summary>
[Collection(nameof(GatewayTopology))]
public sealed class FaultToleranceTests(GatewayCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Seconds5 = TimeSpan.FromSeconds(5);

    [Fact]
    public Task Killing_one_of_two_silos_under_load_loses_no_acknowledged_write() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Gateway!.NewClient();
        await using var load = await MixedLoad.StartAsync(client, shoppers: 8);
        await Task.Delay(TimeSpan.FromSeconds(8));

        var killedAt = load.Elapsed;
        await cluster.LiveSilos[0].KillAsync();
        await load.WaitForCleanStretchAsync(killedAt, Seconds5, within: TimeSpan.FromSeconds(60));
        await load.StopAsync();

        var disruption = load.DisruptionAfter(killedAt);
        output.Report(load.Report("before kill -9", TimeSpan.Zero, killedAt));
        output.Report(load.Report("after kill -9", killedAt, load.StoppedAt) + $"; last failure {disruption.TotalSeconds:F1} s after the kill");
        Assert.True(disruption <= TimeSpan.FromSeconds(30), $"Requests were still failing {disruption.TotalSeconds:F1} s after the kill.");
        // Failing fast: an answer the client can act on, not a hang until its own timeout. At worst
        // a grain call the dead silo held times out (10 s) and its one repeat does too.
        Assert.All(load.Outcomes.Where(o => o.Failed), failure => Assert.True(failure.Duration <= TimeSpan.FromSeconds(22), failure.ToString()));

        await cluster.StartSiloAsync();
        await load.VerifyAsync(client, cluster.PaymentService!, ordersWithin: TimeSpan.FromSeconds(90));
    });

    [Fact]
    public Task A_rolling_restart_of_every_silo_and_api_instance_fails_no_request() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Gateway!.NewClient();
        await using var load = await MixedLoad.StartAsync(client, shoppers: 8);
        await Task.Delay(Seconds5);

        foreach (var silo in cluster.LiveSilos.ToList())
        {
            await cluster.ReplaceSiloAsync(silo);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        foreach (var api in cluster.Apis.ToList())
        {
            await cluster.RestartApiAsync(api);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        await Task.Delay(Seconds5);
        await load.StopAsync();

        output.Report(load.Report("rolling restart of every silo and Api instance", TimeSpan.Zero, load.StoppedAt));
        Assert.Empty(load.Outcomes.Where(o => o.Failed).Select(o => o.ToString()));
        await load.VerifyAsync(client, cluster.PaymentService!, ordersWithin: TimeSpan.FromSeconds(60));
    });

    [Fact]
    public Task Orders_wait_while_the_payment_service_is_down_and_are_charged_once_when_it_returns() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Gateway!.NewClient();
        await using var load = await MixedLoad.StartAsync(client, shoppers: 6, checkoutEvery: 1);
        await Task.Delay(Seconds5);

        await cluster.PaymentService!.StopAsync();
        var stoppedAt = load.Elapsed;
        var ordersBefore = load.AcknowledgedOrders;
        int ordersDuringOutage;
        try
        {
            await Poll.UntilAsync(async () => await SumOverSilos("medplatform_payments_circuit_open") >= 1,
                TimeSpan.FromSeconds(30), "a silo's payment circuit breaker to open (medplatform_payments_circuit_open)");
            Assert.Equal("stockReserved", await load.WaitingOrderAsync(client));
            // A silo that starts while the service is down has never fetched its key, and must take orders all the same.
            await cluster.ReplaceSiloAsync(cluster.LiveSilos[0]);
            var newcomer = cluster.LiveSilos[^1];
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(5, 60 - (load.Elapsed - stoppedAt).TotalSeconds)));
            Assert.True(await PrometheusScrape.SumAsync(newcomer.MetricsAddress!, "medplatform_orders_placed_total") > 0,
                "The silo started during the outage placed no order.");
            ordersDuringOutage = load.AcknowledgedOrders - ordersBefore;
        }
        finally
        {
            await cluster.PaymentService.StartAsync();
        }
        var restartedAt = load.Elapsed;
        await Task.Delay(Seconds5);
        await load.StopAsync();

        output.Report(load.Report("payment service stopped for 60 s", TimeSpan.Zero, load.StoppedAt)
            + $"; {ordersDuringOutage} orders accepted while it was down; breaker openings {await SumOverSilos("medplatform_payments_circuit_opened_total")}");
        Assert.True(ordersDuringOutage > 0, "Checkout should go on while the payment service is down.");
        Assert.Empty(load.Outcomes.Where(o => o.Failed).Select(o => o.ToString()));
        await load.VerifyAsync(client, cluster.PaymentService, ordersWithin: TimeSpan.FromSeconds(90));
        output.Report($"Figures: every waiting order was paid within {(load.Elapsed - restartedAt).TotalSeconds:F0} s of the service's return");
        await Poll.UntilAsync(async () => await SumOverSilos("medplatform_payments_circuit_open") == 0, TimeSpan.FromSeconds(30), "the breakers to close again");
    });

    [Fact]
    public Task A_third_silo_joining_under_load_takes_on_grains() => cluster.Explain(async () =>
    {
        await cluster.EnsureSilosAsync(2);
        var client = cluster.Gateway!.NewClient();
        await using var load = await MixedLoad.StartAsync(client, shoppers: 8);
        var window = TimeSpan.FromSeconds(15);
        await Task.Delay(Seconds5 + window);
        var joinedAt = load.Elapsed;
        var silosBefore = cluster.LiveSilos.Count;

        var newcomer = await cluster.StartSiloAsync();
        const string activations = "orleans_catalog_activations";
        await Poll.UntilAsync(async () => await PrometheusScrape.SumAsync(newcomer.MetricsAddress!, activations) >= 10,
            TimeSpan.FromSeconds(60), $"the new silo to hold grain activations (it reports: {await PrometheusScrape.NamesAsync(newcomer.MetricsAddress!)})");
        await Task.Delay(Seconds5 + window);
        await load.StopAsync();

        var perSilo = new List<string>();
        foreach (var silo in cluster.LiveSilos)
            perSilo.Add($"{silo.Process.Name} {await PrometheusScrape.SumAsync(silo.MetricsAddress!, activations)}");
        output.Report($"Figures: with {silosBefore} silos {load.Throughput(joinedAt - window, joinedAt):F0} ok/s; "
            + $"with {silosBefore + 1} silos {load.Throughput(load.StoppedAt - window, load.StoppedAt):F0} ok/s (same load, 8 shoppers, this 2-core machine); "
            + $"activations per silo: {string.Join(", ", perSilo)}");
        Assert.Empty(load.Outcomes.Where(o => o.Failed).Select(o => o.ToString()));
        await load.VerifyAsync(client, cluster.PaymentService!, ordersWithin: TimeSpan.FromSeconds(60));
    });

    private async Task<double> SumOverSilos(string metric)
    {
        var sum = 0.0;
        foreach (var silo in cluster.LiveSilos)
            sum += await PrometheusScrape.SumAsync(silo.MetricsAddress!, metric);
        return sum;
    }
}
