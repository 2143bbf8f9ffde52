using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace MedPlatform.Api.Errors;

public static class ProblemDetailsSetup
{
    // The RFC that defines each status, for the problem's "type" where ASP.NET Core has none.
    private static readonly Dictionary<int, string> TypeOf = new()
    {
        [400] = "https://www.rfc-editor.org/rfc/rfc9110#name-400-bad-request",
        [401] = "https://www.rfc-editor.org/rfc/rfc9110#name-401-unauthorized",
        [403] = "https://www.rfc-editor.org/rfc/rfc9110#name-403-forbidden",
        [404] = "https://www.rfc-editor.org/rfc/rfc9110#name-404-not-found",
        [405] = "https://www.rfc-editor.org/rfc/rfc9110#name-405-method-not-allowed",
        [409] = "https://www.rfc-editor.org/rfc/rfc9110#name-409-conflict",
        [413] = "https://www.rfc-editor.org/rfc/rfc9110#name-413-content-too-large",
        [415] = "https://www.rfc-editor.org/rfc/rfc9110#name-415-unsupported-media-type",
        [422] = "https://www.rfc-editor.org/rfc/rfc9110#name-422-unprocessable-content",
        [423] = "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
        [429] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        [500] = "https://www.rfc-editor.org/rfc/rfc9110#name-500-internal-server-error",
        [503] = "https://www.rfc-editor.org/rfc/rfc9110#name-503-service-unavailable",
    };

    /// <summary>Every error leaves as RFC 9457 problem details with a type, a title, a detail and the trace id.</summary>
    public static IServiceCollection AddMedPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            problem.Type ??= TypeOf.GetValueOrDefault(status, "about:blank");
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Detail ??= DefaultDetail(status, context.HttpContext.Request.Path);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Minimal APIs then report unreadable bodies and unbindable parameters as exceptions,
        // which ApiExceptionHandler describes, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    private static string DefaultDetail(int status, PathString path) => status switch
    {
        // The dashboard knows its own session cookie, not the bearer token.
        401 when path.StartsWithSegments(Operations.DashboardSetup.Path) => Operations.DashboardSetup.SessionNeeded,
        401 => "Sign in to do this: send a valid access token as 'Authorization: Bearer <token>'.",
        403 => "Your account is not allowed to do this.",
        404 => "There is nothing here, or it is not yours.",
        405 => "This resource does not accept that method.",
        413 => "The request body is too large.",
        415 => "Send the body as application/json.",
        429 => "Too many requests. Wait a moment and try again.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
