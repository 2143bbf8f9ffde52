using Microsoft.AspNetCore.StaticFiles;
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

    // Addresses the server answers itself: an unknown one is a 404 problem, never the app's page.
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/openapi", "/scalar"];

    public static WebApplication UseMedPlatformWebApp(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                AddBrowserHeaders(headers);
                // Vite names built assets by their content hash, so they never change; the index page does.
                headers.CacheControl = file.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    public static WebApplication MapMedPlatformWebApp(this WebApplication app)
    {
        app.MapFallback(ServeIndex)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static IResult ServeIndex(HttpContext context, IWebHostEnvironment environment)
    {
        var path = context.Request.Path;
        if (ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            return Results.NotFound();
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
            return Results.NotFound();
        AddBrowserHeaders(context.Response.Headers);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8");
    }

    private static void AddBrowserHeaders(IHeaderDictionary headers)
    {
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
