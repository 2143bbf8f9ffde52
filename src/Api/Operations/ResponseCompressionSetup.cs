using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace MedPlatform.Api.Operations;

/// <summary>
/// JSON answers are compressed (brotli or gzip, as the client accepts; nginx does the same in
/// cluster mode). Over HTTPS only the public reads are: a compressed answer that holds a secret
/// (tokens, a patient's data) next to text an attacker can choose leaks through its length (BREACH),
/// and a visitor's catalog and forum reads hold no secret. nginx follows the same rule in cluster mode. The web app's files are compressed at build time.
/// </summary>
public static class ResponseCompressionSetup
{
    public static IServiceCollection AddMedPlatformResponseCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = false;
            options.MimeTypes = ["application/json", "application/problem+json", "text/html"];
        });

    public static WebApplication UseMedPlatformResponseCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// Lets a visitor's public read be compressed over HTTPS too (see the class remarks). A signed-in
    /// caller's is theirs (their own questions, "asked by me") and stays uncompressed there.
    /// </summary>
    public static void AllowOverHttpsForVisitors(HttpContext context)
    {
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Request.Headers.Authorization)
            && context.Features.Get<IHttpsCompressionFeature>() is { } https)
            https.Mode = HttpsCompressionMode.Compress;
    }
}
