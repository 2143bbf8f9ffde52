namespace MedPlatform.Mall;

[GenerateSerializer, Immutable, Alias("MedPlatform.Category")]
public sealed record Category([property: Id(0)] string Id, [property: Id(1)] string Name);

/// <summary>A product as everyone may see it, with its current price and stock.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ProductView")]
public sealed record ProductView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Category,
    [property: Id(3)] string Form,
    [property: Id(4)] string Strength,
    [property: Id(5)] string Description,
    [property: Id(6)] long PriceCents,
    [property: Id(7)] int Stock,
    [property: Id(8)] bool RequiresPrescription,
    [property: Id(9)] bool Controlled,
    /// <summary>Most units one order may hold (pseudoephedrine-style limits); null: no limit but stock.</summary>
    [property: Id(10)] int? MaxPerOrder,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    // What is in it, what it is sold as, what it is for, and its short leaflet: what search matches and the product page shows.
    [property: Id(12)] IReadOnlyList<string> ActiveIngredients,
    [property: Id(13)] IReadOnlyList<string> BrandNames,
    /// <summary>Plain words people search with: "headache", "hay fever", "blocked nose".</summary>
    [property: Id(14)] IReadOnlyList<string> Indications,
    [property: Id(15)] Leaflet? Leaflet);

/// <summary>
/// A medicine's facts as a patient reads them: the active ingredients, brand names it is sold
/// under, what it is for in plain words, and a short leaflet. Empty lists and no leaflet for a
/// product nobody has described yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ProductFacts")]
public sealed record ProductFacts(
    [property: Id(0)] IReadOnlyList<string> ActiveIngredients,
    [property: Id(1)] IReadOnlyList<string> BrandNames,
    /// <summary>Plain words people search with: "headache", "hay fever", "blocked nose".</summary>
    [property: Id(2)] IReadOnlyList<string> Indications,
    [property: Id(3)] Leaflet? Leaflet)
{
    public static readonly ProductFacts None = new([], [], [], null);
}

/// <summary>The leaflet in brief: what it is used for, how much to take, and the warnings that matter most.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.Leaflet")]
public sealed record Leaflet(
    [property: Id(0)] string Uses,
    [property: Id(1)] string Dose,
    [property: Id(2)] string Warnings);

/// <summary>A new catalog entry, as a pharmacist or admin creates it.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NewProduct")]
public sealed record NewProduct(
    [property: Id(0)] string Name,
    [property: Id(1)] string Category,
    [property: Id(2)] string Form,
    [property: Id(3)] string Strength,
    [property: Id(4)] string Description,
    [property: Id(5)] long PriceCents,
    [property: Id(6)] int Stock,
    [property: Id(7)] bool RequiresPrescription,
    [property: Id(8)] bool Controlled,
    [property: Id(9)] int? MaxPerOrder,
    [property: Id(10)] ProductFacts? Facts = null);

/// <summary>What an update may change: price, description and the flags. Null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ProductChanges")]
public sealed record ProductChanges(
    [property: Id(0)] long? PriceCents,
    [property: Id(1)] string? Description,
    [property: Id(2)] bool? RequiresPrescription,
    [property: Id(3)] bool? Controlled,
    /// <summary>Set <see cref="ClearMaxPerOrder"/> to remove a limit; null here keeps it.</summary>
    [property: Id(4)] int? MaxPerOrder,
    [property: Id(5)] bool ClearMaxPerOrder = false,
    // The facts, each replaced when given: a leaflet whose three parts are empty removes it.
    [property: Id(6)] IReadOnlyList<string>? ActiveIngredients = null,
    [property: Id(7)] IReadOnlyList<string>? BrandNames = null,
    [property: Id(8)] IReadOnlyList<string>? Indications = null,
    [property: Id(9)] Leaflet? Leaflet = null);
