using System.Globalization;
using MedPlatform.OrdersBench;

// Orders per second and placed → readyToShip latency, end to end over HTTP, in embedded mode or
// (--cluster) against two silos on MariaDB.
//   dotnet run -c Release --project bench/OrdersBench [-- --rate 100 --seconds 30 --warmup 10 --latency-ms 0 --products 1 --cluster --answers --notifications-off]
var rate = 100;
var seconds = 30;
var gatewayLatency = 0;
var warmup = 10;
var products = 1;
var cluster = args.Contains("--cluster");
// --answers: a doctor answering questions at the rate instead of patients checking out.
var answers = args.Contains("--answers");
// --notifications-off: the same build with Notifications:Enabled=false, for the figure without them.
var notificationsOff = args.Contains("--notifications-off");
args = [.. args.Where(a => a is not ("--cluster" or "--answers" or "--notifications-off"))];
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--rate": rate = value; break;
        case "--seconds": seconds = value; break;
        case "--latency-ms": gatewayLatency = value; break;
        case "--warmup": warmup = value; break;
        case "--products": products = value; break;
        default: throw new ArgumentException($"Unknown option {args[i]}. Options: --rate 100 --seconds 30 --warmup 10 --latency-ms 0 --products 1 --cluster");
    }
}
var deployment = cluster ? await BenchDeployment.ClusterAsync(gatewayLatency, notificationsOff) : await BenchDeployment.EmbeddedAsync(gatewayLatency, notificationsOff);
if (answers)
{
    await using var answering = new AnswersBenchmark(deployment);
    await answering.RunAsync(rate, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), Console.Out);
    return;
}
await using var bench = new OrdersBenchmark(deployment, gatewayLatency, products);
try
{
    await bench.RunAsync(rate, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), Console.Out);
}
catch (Exception)
{
    Console.Error.WriteLine(deployment.RecentOutput());
    throw;
}
