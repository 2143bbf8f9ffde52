using Microsoft.Net.Http.Headers;

namespace MedPlatform.Api.Hosting;

/// <summary>
/// Serves the single-page web app (built from src/Web into wwwroot) beside the API: its files,
/// and its index page for any other browser address, so links into the app work on reload.
/// </summary>
public static class WebAppHosting
{
    // The app only talks to this origin and has no inline script or style.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Under these the server answers itself: an unknown address there stays a 404 (or 405) problem.
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/openapi", "/scalar", "/dashboard", "/metrics"];

    public static WebApplication UseMedPlatformWebApp(this WebApplication app)
    {
        // The build lists the built files as static web assets (src/Api/WebApp.targets), compressed
        // with gzip and brotli; without it (the cluster's Api image, where nginx serves the app) there
        // is nothing to serve.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json")))
            app.MapStaticAssets().AllowAnonymous().Add(WithBrowserHeaders);
        // Not a routed fallback: routing would then answer a wrong method on an API path with the
        // fallback instead of a 405. This runs only where routing found no endpoint at all.
        app.Use((context, next) => IsAppPage(context) ? ServeIndexAsync(context, app.Environment) : next(context));
        return app;
    }

    /// <summary>
    /// Every file gets the app's security headers; Vite names the built assets by their content hash,
    /// so those never change and are cached for good, while the rest (the index page, the service
    /// worker, the manifest) are revalidated every time (no-cache with an ETag).
    /// </summary>
    private static void WithBrowserHeaders(EndpointBuilder endpoint)
    {
        var serve = endpoint.RequestDelegate!;
        var hashed = endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.TrimStart('/').StartsWith("assets/", StringComparison.Ordinal) == true;
        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                AddBrowserHeaders(headers);
                headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
                return Task.CompletedTask;
            });
            return serve(context);
        };
    }

    private static bool IsAppPage(HttpContext context)
    {
        var request = context.Request;
        return context.GetEndpoint() is null
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !Path.HasExtension(request.Path.Value)
            && !ServerPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task ServeIndexAsync(HttpContext context, IWebHostEnvironment environment)
    {
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = context.Response;
        AddBrowserHeaders(response.Headers);
        response.Headers.CacheControl = "no-cache";
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = index.Length;
        if (HttpMethods.IsGet(context.Request.Method))
            await response.SendFileAsync(index, context.RequestAborted);
    }

    private static void AddBrowserHeaders(IHeaderDictionary headers)
    {
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
