using System.Globalization;
using MedPlatform.OrdersBench;

// Orders per second and placed → readyToShip latency, embedded mode, end to end over HTTP.
//   dotnet run -c Release --project bench/OrdersBench [-- --rate 100 --seconds 30 --latency-ms 0]
var rate = 100;
var seconds = 30;
var gatewayLatency = 0;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--rate": rate = value; break;
        case "--seconds": seconds = value; break;
        case "--latency-ms": gatewayLatency = value; break;
        default: throw new ArgumentException($"Unknown option {args[i]}. Options: --rate 100 --seconds 30 --latency-ms 0");
    }
}
await using var bench = await OrdersBenchmark.StartAsync(gatewayLatency);
await bench.RunAsync(rate, TimeSpan.FromSeconds(seconds), Console.Out);
