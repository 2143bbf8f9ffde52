using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Orleans.Storage;

namespace MedPlatform.Storage;

/// <summary>
/// Repeats a grain state write that MariaDB chose as a deadlock victim. The write query's
/// first-write branch checks "no row yet" under InnoDB's gap locks, so two new grains whose keys
/// fall in the same gap can deadlock: seen at 16 concurrent registrations on a fresh cluster, where
/// a registration failed with a 500. The victim statement is rolled back whole and each write
/// runs one statement that changes anything, so running it again is what MariaDB itself advises.
/// </summary>
public sealed class DeadlockRetryingGrainStorage(IGrainStorage inner, ILogger<DeadlockRetryingGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public const int Attempts = 5;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Retrying(grainId, () => inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Retrying(grainId, () => inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task Retrying(GrainId grainId, Func<Task> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsDeadlock(e))
            {
                logger.LogInformation("Write of {GrainId} lost a deadlock in MariaDB (attempt {Attempt}); writing again", grainId, attempt);
                // Apart, so the two sides of the deadlock do not meet again at once.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
        }
    }

    private static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout })
                return true;
        }
        return false;
    }
}

public static class DeadlockRetrySetup
{
    /// <summary>Wraps the grain storage registered as <paramref name="name"/> in <see cref="DeadlockRetryingGrainStorage"/>.</summary>
    public static IServiceCollection RetryDeadlockedWrites(this IServiceCollection services, string name)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage {name} is not registered with a factory.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new DeadlockRetryingGrainStorage(
            (IGrainStorage)create(provider, key), provider.GetRequiredService<ILogger<DeadlockRetryingGrainStorage>>()));
        return services;
    }
}
