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
    [property: Id(11)] DateTimeOffset UpdatedAt);

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
    [property: Id(9)] int? MaxPerOrder);

/// <summary>What an update may change: price, description and the flags. Null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ProductChanges")]
public sealed record ProductChanges(
    [property: Id(0)] long? PriceCents,
    [property: Id(1)] string? Description,
    [property: Id(2)] bool? RequiresPrescription,
    [property: Id(3)] bool? Controlled,
    /// <summary>Set <see cref="ClearMaxPerOrder"/> to remove a limit; null here keeps it.</summary>
    [property: Id(4)] int? MaxPerOrder,
    [property: Id(5)] bool ClearMaxPerOrder = false);
