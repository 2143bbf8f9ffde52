using System.Reflection;
using MedPlatform.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;

namespace MedPlatform.Api.Operations;

/// <summary>
/// The refusals each operation can answer, as problem details in the OpenAPI document, so a client
/// generated from it knows every error it must handle. What follows from an endpoint's own
/// metadata is added here, for every endpoint at once (so it cannot drift): 401 and 403 from its
/// authorization (and from staff's second factor, see TwoFactorGate), 400 when it takes a body or a query, 404 for an id in its path, 413 and 415 for a body, 429
/// for a rate limit, and 503 for all of them (a silo, the database or the payment service briefly
/// gone). A business refusal that only the grain knows about is named where the endpoint is mapped,
/// with <see cref="Refuses{TBuilder}"/>.
/// </summary>
public static class ContractResponses
{
    private const string ProblemJson = "application/problem+json";

    public static TBuilder WithContractResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var hasBody = metadata.OfType<IAcceptsMetadata>().Any();
            var routeParameters = (endpoint as RouteEndpointBuilder)?.RoutePattern.Parameters ?? [];
            var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
            var authorization = metadata.OfType<IAuthorizeData>().ToList();
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();

            if (hasBody || (handler is not null && TakesQuery(handler, routeParameters)))
                Add(metadata, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            if (authorization.Count > 0 && !anonymous)
            {
                Add(metadata, StatusCodes.Status401Unauthorized);
                if (authorization.Any(a => a.Policy is not null && a.Policy != Policies.SignedIn))
                    Add(metadata, StatusCodes.Status403Forbidden);
            }
            // An administrator's or pharmacist's token without a second factor is refused everywhere but enrolment.
            if (!metadata.OfType<AllowedBeforeTwoFactorMetadata>().Any())
                Add(metadata, StatusCodes.Status403Forbidden);
            if (routeParameters.Count > 0)
                Add(metadata, StatusCodes.Status404NotFound);
            if (hasBody)
            {
                Add(metadata, StatusCodes.Status413PayloadTooLarge);
                Add(metadata, StatusCodes.Status415UnsupportedMediaType);
            }
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                Add(metadata, StatusCodes.Status429TooManyRequests);
            Add(metadata, StatusCodes.Status503ServiceUnavailable);
        });
        return builder;
    }

    /// <summary>Business refusals the grain behind this endpoint gives (e.g. 409 out of stock, 422 a prescription rule).</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            foreach (var status in statuses)
                Add(endpoint.Metadata, status);
        });
        return builder;
    }

    private static void Add(IList<object> metadata, int status, Type? type = null)
    {
        if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
            metadata.Add(new ProducesResponseTypeMetadata(status, type ?? typeof(ProblemDetails), [ProblemJson]));
    }

    // Query strings and headers bind to simple values ([AsParameters] groups them); services,
    // the caller and bodies are classes of the platform's own.
    private static bool TakesQuery(MethodInfo handler, IReadOnlyList<RoutePatternParameterPart> route) =>
        handler.GetParameters().Any(p => p.IsDefined(typeof(AsParametersAttribute))
            || (IsSimple(p.ParameterType) && !route.Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase))));

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string);
    }
}
