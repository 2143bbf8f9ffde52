using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MedPlatform.TestSupport;

/// <summary>
/// A throwaway smtp4dev (the Rnwood.Smtp4dev dotnet tool pinned in the repository's tool manifest):
/// a real SMTP server on a free loopback port that keeps what it receives in memory, with a web API
/// on another port to read the messages back. Stopped and started again on the same ports, as an
/// outage would.
/// </summary>
public sealed class Smtp4devServer : IMailbox, IAsyncDisposable
{
    private readonly HttpClient web;
    private ChildProcess? server;

    private Smtp4devServer(int smtpPort, int webPort)
    {
        (SmtpPort, WebPort) = (smtpPort, webPort);
        web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    public static async Task<Smtp4devServer> StartNewAsync()
    {
        var smtp = new Smtp4devServer(FreePort.Next(), FreePort.Next());
        try
        {
            await smtp.StartAsync();
        }
        catch
        {
            await smtp.DisposeAsync();
            throw;
        }
        return smtp;
    }

    public async Task StartAsync()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        server = ChildProcess.Start("smtp4dev", "dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={SmtpPort.ToString(invariant)}", $"--urls=http://127.0.0.1:{WebPort.ToString(invariant)}",
            "--db=", "--imapport=0", "--pop3port=0", "--bindaddress=127.0.0.1", "--nousersettings", "--tlsmode=None",
            // Its default keeps only the last 100 messages: a test counts more than that.
            "--messagestokeep=100000",
        ], workingDirectory: RepoLayout.Root);
        await Poll.UntilAsync(async () =>
        {
            if (server.HasExited)
                throw new InvalidOperationException("smtp4dev exited:\n" + server.RecentOutput());
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", SmtpPort);
            return (await web.GetAsync("api/messages")).IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(90), $"smtp4dev on ports {SmtpPort} and {WebPort}");
    }

    /// <summary>Every message received so far (its summary: id, from, to, subject, and so on), as smtp4dev's API answers it.</summary>
    public async Task<IReadOnlyList<JsonNode>> MessagesAsync()
    {
        var answer = await web.GetFromJsonAsync<JsonNode>("api/messages?pageSize=1000");
        var items = answer is JsonArray array ? array : answer?["results"]?.AsArray() ?? [];
        return items.Select(item => item!).ToList();
    }

    /// <summary>Every message received so far, parsed (each fetched once: a message does not change).</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> ReceivedAsync()
    {
        var messages = new List<MimeKit.MimeMessage>();
        foreach (var summary in await MessagesAsync())
        {
            var id = summary["id"]!.GetValue<string>();
            if (!parsed.TryGetValue(id, out var message))
            {
                using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await SourceAsync(id)));
                parsed[id] = message = await MimeKit.MimeMessage.LoadAsync(source);
            }
            messages.Add(message);
        }
        return messages;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MimeKit.MimeMessage> parsed = new();

    /// <summary>The raw message (headers and body) as received.</summary>
    public Task<string> SourceAsync(string id) => web.GetStringAsync($"api/messages/{id}/raw");

    public Task StopAsync() => server?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        web.Dispose();
        if (server is not null)
            await server.DisposeAsync();
    }
}
