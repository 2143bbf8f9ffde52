using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MedPlatform.Common;

namespace MedPlatform.Api.Hosting;

/// <summary>
/// The JSON every answer (and the OpenAPI document's schemas) is written with: camelCase, enums as
/// camelCase strings, numbers only as numbers, null fields written as null (clients can rely on every contract field being
/// present), and the views' <see cref="HiddenFromClientsAttribute"/> fields left out, so a grain's
/// view is the response itself.
/// </summary>
public static class ClientJson
{
    public static IServiceCollection AddMedPlatformJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Numbers are numbers: the web defaults also read "5" as 5, which the OpenAPI document then
            // has to describe as "integer or string", and every generated client with it.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.TypeInfoResolver = (json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(LeaveOutHiddenFields);
        });

    private static void LeaveOutHiddenFields(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].AttributeProvider?.IsDefined(typeof(HiddenFromClientsAttribute), inherit: false) == true)
                type.Properties.RemoveAt(i);
        }
    }
}
