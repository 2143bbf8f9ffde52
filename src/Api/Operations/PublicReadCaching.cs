using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MedPlatform.Api.Operations;

/// <summary>
/// Public catalog and forum reads. Every answer carries an ETag (a matching If-None-Match gets a
/// 304) and Cache-Control; a visitor's (no Authorization) is cached for <see cref="Lifetime"/> in the
/// Api's output cache (Redis in cluster mode, shared by the instances) and by nginx, and a staff or
/// forum write through the Api evicts its tag at once. Changes that do not pass through those
/// writes (stock taken by orders, answer counts) show up within <see cref="Lifetime"/>: a visitor's
/// list may be that stale, by design. Signed-in callers always get a fresh, private answer.
/// </summary>
public static class PublicReadCaching
{
    public const string CatalogTag = "catalog";
    public const string ForumTag = "forum";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddMedPlatformOutputCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.DefaultExpirationTimeSpan = Lifetime);

    public static WebApplication UseMedPlatformOutputCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>A public read: ETag and Cache-Control always; cached for visitors under <paramref name="tag"/>.</summary>
    public static TBuilder CachedPublicRead<TBuilder>(this TBuilder builder, string tag) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(policy => policy.Expire(Lifetime).Tag(tag)).AddEndpointFilter(WithEntityTag);

    /// <summary>A write that changes what public reads under <paramref name="tag"/> show: evicts them once it succeeded.</summary>
    public static TBuilder EvictsPublicReads<TBuilder>(this TBuilder builder, string tag) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (Unwrap(result) is IStatusCodeHttpResult { StatusCode: < 400 })
            {
                // A cache that fails to evict does not fail the write (see ForgivingOutputCacheStore).
                var cache = context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>();
                await cache.EvictByTagAsync(tag, CancellationToken.None);
            }
            return result;
        });

    private static async ValueTask<object?> WithEntityTag(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (Unwrap(result) is not (IStatusCodeHttpResult { StatusCode: 200 } and IValueHttpResult { Value: { } value }))
            return result;

        var http = context.HttpContext;
        ResponseCompressionSetup.AllowOverHttpsForVisitors(http);
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json);
        var entityTag = $"\"{Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 15)).Replace('+', '-').Replace('/', '_')}\"";
        var headers = http.Response.Headers;
        headers.ETag = entityTag;
        headers.Vary = "Authorization";
        headers.CacheControl = !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
            ? "private, no-cache"
            : $"public, max-age={(int)Lifetime.TotalSeconds}";
        return Matches(http.Request.Headers.IfNoneMatch, entityTag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string entityTag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim())
            .Any(v => v == "*" || v == entityTag || v == "W/" + entityTag);

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;
}
