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
}
