namespace MedPlatform.TestSupport;

/// <summary>A throwaway Redis server on a free loopback port, without persistence.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private ChildProcess? server;

    private RedisServer(int port) => Port = port;

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartNewAsync()
    {
        var redis = new RedisServer(FreePort.Next());
        try
        {
            await redis.StartAsync();
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    public async Task StartAsync()
    {
        var executable = Executables.Require("redis-server", "redis-server");
        server = ChildProcess.Start("redis-server", executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await Poll.UntilAsync(async () =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("redis-server exited:\n" + server.RecentOutput());
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }, TimeSpan.FromSeconds(30), $"Redis on port {Port}");
    }

    public Task StopAsync() => server?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
