namespace MedPlatform.Api.Hosting;

/// <summary>
/// Keeps an Api instance that starts before any silo waiting for the cluster instead of exiting,
/// so the start order of processes does not matter.
/// </summary>
public sealed partial class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogWaiting(exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the Orleans cluster: {Reason}")]
    private partial void LogWaiting(string reason);
}
