namespace MedPlatform.Common;

/// <summary>
/// A field of a view that grains and the Api need but clients never see: the Api's JSON leaves it
/// out of every answer and of the OpenAPI document, so the view itself can be the response.
/// Storage that keeps a view as JSON (the order snapshot) still writes it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HiddenFromClientsAttribute : Attribute;
