using System.Data.Common;
using MedPlatform.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Hosting;

/// <summary>
/// A database that cannot be reached (or fails a statement) makes a grain call fail with the
/// driver's exception, which Orleans cannot even serialize back to the Api: the caller got a 500
/// caused by a codec error. Where the call comes in it becomes the platform's own "unavailable"
/// (503 with Retry-After), which says what happened and that trying again is the remedy.
/// </summary>
public sealed partial class DatabaseFailureFilter(ILogger<DatabaseFailureFilter> logger) : IIncomingGrainCallFilter
{
    public const int RetryAfterSeconds = 5;
    public const string Detail = "The platform's database is not answering right now. Try again in a moment.";

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (FromDatabase(e))
        {
            LogDatabaseFailure(logger, e, context.TargetId.ToString(), context.ImplementationMethod.Name);
            throw DomainException.Unavailable(Detail, RetryAfterSeconds);
        }
    }

    /// <summary>Whether a database driver's exception is at the root of <paramref name="e"/>.</summary>
    public static bool FromDatabase(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException)
                return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A database failure ended the call {Method} on {Grain}; the caller is told to try again")]
    private static partial void LogDatabaseFailure(ILogger logger, Exception exception, string grain, string method);
}

public static class DatabaseFailureSetup
{
    /// <summary>
    /// Lets the database drivers' exceptions travel between silos and to the Api like .NET's own:
    /// otherwise Orleans cannot serialize them, and a grain whose activation failed on the database
    /// answered its caller with a codec error instead.
    /// </summary>
    public static IServiceCollection AddDatabaseExceptionSerialization(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("MySqlConnector"));
}
