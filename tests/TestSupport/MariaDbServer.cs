namespace MedPlatform.TestSupport;

/// <summary>
/// A throwaway MariaDB server: its own data directory under /tmp and a free port, root without a
/// password on loopback only. Can be stopped and started again on the same data.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    private readonly string directory;
    private ChildProcess? server;

    private MariaDbServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Server=127.0.0.1;Port={Port};User ID=root;Password=;Database={database};Pooling=true";

    public static async Task<MariaDbServer> StartNewAsync()
    {
        var installer = Executables.Require("mariadb-install-db", "mariadb-server");
        var directory = Directory.CreateTempSubdirectory("medplatform-mariadb-").FullName;
        await using (var install = ChildProcess.Start("mariadb-install-db", installer,
            ["--no-defaults", $"--datadir={directory}/data", "--auth-root-authentication-method=normal", "--skip-test-db", "--user=root"]))
        {
            await Poll.UntilAsync(() => Task.FromResult(install.HasExited), TimeSpan.FromSeconds(60), "mariadb-install-db");
            if (!Directory.Exists(Path.Combine(directory, "data", "mysql")))
                throw new InvalidOperationException("mariadb-install-db failed:\n" + install.RecentOutput());
        }
        var server = new MariaDbServer(directory, FreePort.Next());
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async Task StartAsync()
    {
        var daemon = Executables.Require("mariadbd", "mariadb-server");
        server = ChildProcess.Start("mariadbd", daemon,
        [
            "--no-defaults", $"--datadir={directory}/data", $"--port={Port}", "--bind-address=127.0.0.1",
            $"--socket={directory}/mysqld.sock", $"--pid-file={directory}/mysqld.pid", "--user=root",
            "--skip-log-bin", "--innodb-buffer-pool-size=128M", "--max-connections=500",
        ]);
        await Poll.UntilAsync(async () =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("mariadbd exited:\n" + server.RecentOutput());
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return server.RecentOutput(5).Contains("ready for connections", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), $"MariaDB on port {Port}");
    }

    public Task StopAsync() => server?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
