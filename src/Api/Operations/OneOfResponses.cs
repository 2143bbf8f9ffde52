using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedPlatform.Api.Operations;

/// <summary>
/// An operation whose 200 answer is one of two shapes, chosen by the query (GET /api/patients: one
/// match by email, a list by name). The contract says so with oneOf, so generated clients type both.
/// </summary>
public static class OneOfResponses
{
    public static RouteHandlerBuilder ProducesOneOf<TFirst, TSecond>(this RouteHandlerBuilder builder) =>
        builder.Produces<TFirst>(StatusCodes.Status200OK).WithMetadata(new OneOfResponse(typeof(TFirst), typeof(TSecond)));

    public static OpenApiOptions DescribeOneOfResponses(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OneOfResponse>().FirstOrDefault() is { } oneOf
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is not null)
            {
                ok.Content["application/json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { OneOf = [Schema(oneOf.First, context.Document), Schema(oneOf.Second, context.Document)] },
                };
            }
            return Task.CompletedTask;
        });

    /// <summary>A reference to the type's component schema, or an array of them for a list (the component exists: Produces names the first type).</summary>
    private static IOpenApiSchema Schema(Type type, OpenApiDocument? document)
    {
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
        var reference = new OpenApiSchemaReference((element ?? type).Name, document);
        return element is null ? reference : new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference };
    }

    private sealed record OneOfResponse(Type First, Type Second);
}
