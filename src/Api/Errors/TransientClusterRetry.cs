namespace MedPlatform.Api.Errors;

/// <summary>
/// Repeats a request that met a silo going away (shut down, restarted or killed), or a stale
/// activation, before any of its answer was sent, when repeating it is safe: reads, PUT and DELETE (idempotent by the API's
/// contract), and POSTs of endpoints marked <see cref="RepeatableWithIdempotencyKey"/> that carry a
/// key (checkout). The Orleans client has by then moved to a live gateway and the grain
/// re-activates elsewhere, so a rolling restart costs the caller a little time instead of an
/// error. Anything else, or a failure after the budget, becomes the usual 503.
/// </summary>
public sealed partial class TransientClusterRetry(RequestDelegate next, ILogger<TransientClusterRetry> logger, Hosting.ApiSetup.ApiOptions options)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    // Beyond this, a repeat would keep the caller waiting longer than a 503 and a retry of its own.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(12);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!SafeToRepeat(context.Request))
        {
            await next(context);
            return;
        }
        // Only a body needs keeping for a repeat (reads have none), and in memory only: a
        // checkout body holds a card number, which must never reach a temp file.
        var hasBody = context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
            context.Request.EnableBuffering(bufferThreshold: (int)Math.Min(options.MaxRequestBodyBytes, int.MaxValue), bufferLimit: options.MaxRequestBodyBytes);
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (Exception e) when (TransientClusterFailure.Is(e) && !context.Response.HasStarted && attempt < Pauses.Length
                && TimeProvider.System.GetElapsedTime(started) < Budget && !context.RequestAborted.IsCancellationRequested)
            {
                LogRepeat(context.Request.Method, context.Request.Path, e.GetType().Name, attempt + 1);
                await Task.Delay(Pauses[attempt], context.RequestAborted);
                context.Response.Clear();
                if (hasBody)
                    context.Request.Body.Position = 0;
            }
        }
    }

    private static bool SafeToRepeat(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method)
        || (HttpMethods.IsPost(request.Method) && !string.IsNullOrWhiteSpace(request.Headers["Idempotency-Key"])
            && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RepeatableWithIdempotencyKey>() is not null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repeating {Method} {Path} after {Exception} (attempt {Attempt})")]
    private partial void LogRepeat(string method, string path, string exception, int attempt);
}

/// <summary>Marks a POST whose Idempotency-Key makes a repeat return the first outcome (checkout).</summary>
public sealed class RepeatableWithIdempotencyKey;
