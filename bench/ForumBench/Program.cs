using MedPlatform.ForumBench;

// Forum list and search latency at 1k and 100k threads, embedded mode, end to end over HTTP.
//   dotnet run -c Release --project bench/ForumBench [-- --threads 1000,100000 --samples 300]
var options = BenchOptions.Parse(args);
await using var bench = await ForumBenchmark.StartAsync(options);
await bench.RunAsync(Console.Out);
