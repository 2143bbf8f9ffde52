using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MedPlatform.Api.Operations;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (also written to contract/openapi.json at build time,
/// which clients are generated from) and the interactive reference at /scalar.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Accounts", "Registration, sign-in with refresh-token rotation, and the signed-in account."),
        ("Administration", "Administrators: accounts, doctors' verification, staff, the audit log and the cluster dashboard."),
        ("Forum", "The doctor–patient forum: patients ask (optionally anonymously), verified doctors answer and endorse."),
        ("Catalog", "The medicine catalog: anyone browses; pharmacists and administrators manage products, prices and stock."),
        ("Prescriptions", "E-prescriptions: verified doctors issue them; patients use them to buy prescription-only medicines."),
        ("Cart", "The signed-in patient's cart, priced from the catalog."),
        ("Orders", "Checkout and the patient's orders, with their history and live status."),
        ("Pharmacy", "The pharmacy's queue: prescription review, shipping and delivery."),
    ];

    public static IServiceCollection AddMedPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DescribeDocument>();
            options.AddOperationTransformer<BearerWhereSignInIsNeeded>();
            options.DescribeOneOfResponses();
        });

    public static IEndpointRouteBuilder MapMedPlatformOpenApi(this IEndpointRouteBuilder app)
    {
        // One document, at a fixed address: any other name under /openapi is an ordinary 404 problem.
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("MedPlatform API")).AllowAnonymous();
        return app;
    }

    /// <summary>What the document says about itself: title, licence, servers, tags and the bearer scheme.</summary>
    private sealed class DescribeDocument : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "MedPlatform API";
            document.Info.Description =
                "Accounts, a doctor–patient forum, a medicine mall with e-prescriptions, and orders. " +
                "Money is integer cents, times are ISO-8601 UTC, lists are paged. Every error is an RFC 9457 problem details body.";
            document.Info.License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/license/mit") };
            // Fixed rather than taken from the request, so the document written at build time is the one
            // served. Relative: every deployment serves the API at its own root (embedded mode on :5080,
            // the cluster behind nginx); a mobile app is configured with its platform's address.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The platform that serves this document" }];
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            };
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Says on each operation who may call it: a bearer token where sign-in is needed; no requirement
    /// (an empty one) on anonymous operations; either, where a token changes the answer
    /// (<see cref="SignInOptional{TBuilder}"/>).
    /// </summary>
    private sealed class BearerWhereSignInIsNeeded : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
            var anonymous = new OpenApiSecurityRequirement();
            operation.Security = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()
                ? metadata.OfType<SignInOptionalMarker>().Any() ? [anonymous, bearer] : [anonymous]
                : [bearer];
            return Task.CompletedTask;
        }
    }

    /// <summary>An anonymous read whose answer a signed-in caller sees differently (their own threads, "asked by me").</summary>
    public static TBuilder SignInOptional<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SignInOptionalMarker());

    private sealed class SignInOptionalMarker;
}
