namespace MedPlatform.Mall;

[GenerateSerializer, Alias("MedPlatform.ProductState")]
public sealed class ProductState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Category { get; set; } = "";
    [Id(2)] public string Form { get; set; } = "";
    [Id(3)] public string Strength { get; set; } = "";
    [Id(4)] public string Description { get; set; } = "";
    [Id(5)] public long PriceCents { get; set; }
    [Id(6)] public int Stock { get; set; }
    [Id(7)] public bool RequiresPrescription { get; set; }
    [Id(8)] public bool Controlled { get; set; }
    [Id(9)] public int? MaxPerOrder { get; set; }
    /// <summary>Null while no product exists under this id.</summary>
    [Id(10)] public DateTimeOffset? CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Units taken out of stock per order, so a retried reservation or release does nothing twice.</summary>
    [Id(12)] public Dictionary<string, int> Reservations { get; set; } = [];
    /// <summary>
    /// Orders whose units were given back, kept for a day: a reservation for one of them that
    /// arrives late (a message from a silo that died) is refused instead of taking stock for good.
    /// </summary>
    [Id(13)] public Dictionary<string, DateTimeOffset> Released { get; set; } = [];
    /// <summary>Null until someone describes the product (the starter catalog's are described at start-up).</summary>
    [Id(14)] public ProductFacts? Facts { get; set; }

    public bool Exists => CreatedAt is not null;

    public ProductView ToView(string id)
    {
        var facts = Facts ?? ProductFacts.None;
        return new(id, Name, Category, Form, Strength, Description, PriceCents, Stock, RequiresPrescription, Controlled, MaxPerOrder, UpdatedAt,
            facts.ActiveIngredients, facts.BrandNames, facts.Indications, facts.Leaflet);
    }
}
