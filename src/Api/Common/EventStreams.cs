using System.Globalization;

namespace MedPlatform.Api.Common;

/// <summary>What every server-sent event stream of the Api answers with before its first event.</summary>
public static class EventStreams
{
    /// <summary>The event-stream type, no caching, and no buffering in nginx (which would hold events back until its buffer fills).</summary>
    public static void StartEventStream(this HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    /// <summary>
    /// When the stream must end: when the access token it was opened with expires. The client opens it
    /// again with a renewed token, which a signed-out or reset session cannot get; a stream never
    /// outlives the session that opened it by more than a token's lifetime.
    /// </summary>
    /// <summary>How long the next wait for news may be: the keep-alive, or what is left of the stream if that is less.</summary>
    public static TimeSpan NextWait(DateTimeOffset endsAt, TimeSpan keepAlive)
    {
        var left = endsAt - DateTimeOffset.UtcNow;
        return left < TimeSpan.Zero ? TimeSpan.Zero : left < keepAlive ? left : keepAlive;
    }

    public static DateTimeOffset StreamEndsAt(this HttpContext context) =>
        long.TryParse(context.User.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            ? DateTimeOffset.FromUnixTimeSeconds(expires)
            : DateTimeOffset.UtcNow.AddMinutes(5);
}
