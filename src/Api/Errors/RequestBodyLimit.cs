using Microsoft.AspNetCore.Http.Features;

namespace MedPlatform.Api.Errors;

/// <summary>
/// Refuses an oversized body before anything reads it: from its Content-Length at once, and for
/// a chunked body by capping what the server will read (Kestrel then fails the read with 413).
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 413, Detail = $"The request body is larger than the limit of {maxBytes} bytes." },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        await next(context);
    }
}
