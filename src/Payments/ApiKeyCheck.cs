using System.Security.Cryptography;
using System.Text;

namespace MedPlatform.Payments;

/// <summary>Charges and refunds only for callers that hold the shared secret; health and the public key for anyone.</summary>
public sealed class ApiKeyCheck(RequestDelegate next, PaymentServiceSettings settings)
{
    private readonly byte[] expected = Encoding.UTF8.GetBytes(settings.ApiKey!);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/public-key") || path.StartsWithSegments("/metrics"))
            return next(context);
        var given = Encoding.UTF8.GetBytes(context.Request.Headers["X-Api-Key"].ToString());
        if (CryptographicOperations.FixedTimeEquals(given, expected))
            return next(context);
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Send the service's API key in X-Api-Key.").ExecuteAsync(context);
    }
}
