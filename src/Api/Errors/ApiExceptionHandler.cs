using System.Globalization;
using System.Text.Json;
using MedPlatform.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Errors;

/// <summary>
/// The one place an exception becomes an HTTP answer: a grain's business refusal keeps its status
/// and message; a malformed request is a 400/413/415 that says what was wrong; a cluster that
/// cannot be reached is a 503; anything else is a 500 that reveals nothing but a trace id.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail, errors, retryAfter) = Describe(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(exception.GetType().Name, exception.Message, context.Request.Method, context.Request.Path);
        }
        else if (status >= 500)
        {
            LogFailure(exception, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Detail = detail;
        if (exception is DomainException { Code: { } code })
            problem.Type = ProblemCodes.TypeFor(code);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static (int Status, string Detail, IDictionary<string, string[]>? Errors, int? RetryAfter) Describe(Exception exception) =>
        exception switch
        {
            DomainException refusal => ((int)refusal.Kind, refusal.Detail, refusal.Errors, refusal.RetryAfterSeconds),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, json.Path is { Length: > 1 } path
                    // Well-formed, but a value of the wrong kind: "2" (a string) where the contract has a number.
                    ? $"The request body is not valid JSON for this request: {path[2..]} has the wrong type or is cut short."
                    : "The request body is not valid JSON.", null, null),
            BadHttpRequestException { StatusCode: 413 } => (413, "The request body is too large.", null, null),
            BadHttpRequestException { StatusCode: 415 } => (415, "Send the body as application/json.", null, null),
            BadHttpRequestException bad => (bad.StatusCode, Plain(bad.Message), null, null),
            MedPlatform.Orders.Payments.PaymentGatewayUnavailableException =>
                (503, "The payment service is not answering. The order will finish on its own once it is back.", null, 30),
            // A silo went away or is overloaded: the client will route around it; the caller may retry.
            _ when TransientClusterFailure.Is(exception) =>
                (503, "The service is briefly unavailable. Try again in a moment.", null, 5),
            // The database is down or failed a statement: nothing the caller did, and trying again is the remedy.
            _ when FromDatabase(exception) => (503, "The platform's database is not answering right now. Try again in a moment.", null, 5),
            _ => (500, "Something went wrong on our side. It has been logged; quote the trace id if you contact support.", null, null),
        };

    private static bool FromDatabase(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException)
                return true;
        }
        return false;
    }

    // ASP.NET Core's binding messages name the C# parameter; say it in the API's terms.
    private static string Plain(string message) =>
        message.Replace("Implicit body inferred for parameter", "A JSON body is required for", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Method} {Path} answered 503: {Exception}: {Reason}")]
    private partial void LogUnavailable(string exception, string reason, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private partial void LogFailure(Exception exception, string method, string path);
}
