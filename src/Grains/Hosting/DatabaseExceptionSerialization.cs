using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Hosting;

public static class DatabaseExceptionSerialization
{
    /// <summary>
    /// Lets the MariaDB driver's exceptions travel between silos and to the Api like .NET's own
    /// (SQLite's are under Microsoft.*, which Orleans already serializes). Otherwise a call that
    /// failed on a database that is down reached the Api as a codec error and answered 500; now the
    /// Api sees the database failure and answers 503 (see ApiExceptionHandler).
    /// </summary>
    public static IServiceCollection AddDatabaseExceptionSerialization(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("MySqlConnector"));
}
