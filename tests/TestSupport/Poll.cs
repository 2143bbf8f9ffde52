namespace MedPlatform.TestSupport;

/// <summary>Waits for a condition with a deadline instead of sleeping for a guessed time.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                    return;
                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
            {
                last = e;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}." + (last is null ? "" : $" Last error: {last.Message}"));
    }

    /// <summary>Waits until a server process answers /health/ready with success; fails at once if it exits.</summary>
    public static async Task UntilReadyAsync(ChildProcess process, Uri baseAddress, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.Name} exited:\n{process.RecentOutput()}");
            using var response = await http.GetAsync(new Uri(baseAddress, "/health/ready"));
            return response.IsSuccessStatusCode;
        }, within, $"{process.Name} to be ready");
    }
}
