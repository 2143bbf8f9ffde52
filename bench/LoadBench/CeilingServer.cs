using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MedPlatform.LoadBench;

/// <summary>
/// The read ceiling: a bare ASP.NET Core endpoint that answers a JSON body of a given size and
/// does nothing else, run as its own process like the Api (`LoadBench ceiling --port P`).
/// </summary>
public static class CeilingServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var bodies = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
        app.MapGet("/json/{bytes:int}", (int bytes) => Results.Bytes(bodies.GetOrAdd(bytes, Body), "application/json; charset=utf-8"));
        app.MapGet("/health/ready", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }

    // {"items":"xxxx…"} of exactly the asked length.
    private static byte[] Body(int bytes) =>
        System.Text.Encoding.UTF8.GetBytes("{\"items\":\"" + new string('x', Math.Max(0, bytes - 12)) + "\"}");
}
