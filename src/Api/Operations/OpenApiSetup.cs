using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MedPlatform.Api.Operations;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /scalar.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddMedPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurity>());

    public static IEndpointRouteBuilder MapMedPlatformOpenApi(this IEndpointRouteBuilder app)
    {
        // One document, at a fixed address: any other name under /openapi is an ordinary 404 problem.
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("MedPlatform API")).AllowAnonymous();
        return app;
    }

    /// <summary>Declares the bearer scheme so the reference page can send an access token.</summary>
    private sealed class BearerSecurity : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "MedPlatform API";
            document.Info.Description = "Accounts, doctor–patient forum, medicine mall and orders. Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
