using Microsoft.AspNetCore.OutputCaching;

namespace MedPlatform.Api.Hosting;

/// <summary>
/// The output cache in front of a store that can fail (Redis in cluster mode): a failed lookup is
/// a miss, a failed store or eviction is logged and skipped. A cache that is down costs speed,
/// never an answer; evictions that did not happen are covered by the entries' short lifetime.
/// </summary>
public sealed partial class ForgivingOutputCacheStore(IOutputCacheStore inner, ILogger<ForgivingOutputCacheStore> logger) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed("read", e.GetType().Name, e.Message);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed("write", e.GetType().Name, e.Message);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed("eviction", e.GetType().Name, e.Message);
        }
    }

    /// <summary>Wraps whatever output cache store is registered so far.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("No output cache store is registered.");
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new ForgivingOutputCacheStore(Create(provider, registered), provider.GetRequiredService<ILogger<ForgivingOutputCacheStore>>()));
    }

    private static IOutputCacheStore Create(IServiceProvider provider, ServiceDescriptor registered) =>
        (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Output cache {Operation} failed ({Exception}): {Reason}; answering without the cache")]
    private partial void LogFailed(string operation, string exception, string reason);
}
