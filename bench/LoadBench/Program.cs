using MedPlatform.LoadBench;

// Load benchmark: each scenario driven by wrk against the real Api (embedded mode, demo data), next
// to the ceilings of this machine measured in the same run.
//   dotnet run -c Release --project bench/LoadBench [-- --seconds 10 --connections 32 --threads 2]
if (args is ["ceiling", ..])
    return await CeilingServer.RunAsync(args);
await LoadBenchmark.RunAsync(LoadOptions.Parse(args), Console.Out);
return 0;
