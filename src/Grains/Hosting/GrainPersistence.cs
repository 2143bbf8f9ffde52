using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Hosting;

/// <summary>How every grain saves a change and projects it into its read model.</summary>
public static partial class GrainPersistence
{
    /// <summary>
    /// Persists the grain's state. If that fails the activation is dropped, so the unsaved change
    /// does not linger in memory: the next call starts again from what storage holds.
    /// </summary>
    public static async Task Save<T>(this IGrainBase grain, IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Updates a read model after a change is saved. A failure does not undo the change: it is
    /// logged, and the activation is dropped so that the next activation projects again.
    /// </summary>
    /// <returns>Whether the read model was updated.</returns>
    public static async Task<bool> Project(this IGrainBase grain, Func<Task> projection, ILogger logger)
    {
        try
        {
            await projection();
            return true;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            LogProjectionFailed(logger, e, grain.GrainContext.GrainId.ToString());
            grain.DeactivateOnIdle();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not project {Grain} into its read model; it will be projected again on its next activation")]
    private static partial void LogProjectionFailed(ILogger logger, Exception exception, string grain);
}
