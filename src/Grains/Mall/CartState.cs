namespace MedPlatform.Mall;

[GenerateSerializer, Alias("MedPlatform.CartState")]
public sealed class CartState
{
    [Id(0)] public List<CartLine> Lines { get; set; } = [];
    /// <summary>Lines a checkout has taken for an order that is being placed.</summary>
    [Id(1)] public List<TakenLines> Taken { get; set; } = [];
    /// <summary>The latest orders whose lines came back after a failed payment, so none comes back twice.</summary>
    [Id(2)] public List<string> ReturnedOrders { get; set; } = [];
}

[GenerateSerializer, Alias("MedPlatform.TakenLines")]
public sealed class TakenLines
{
    [Id(0)] public string OrderId { get; set; } = "";
    [Id(1)] public List<CartLineView> Lines { get; set; } = [];
    [Id(2)] public DateTimeOffset TakenAt { get; set; }
}

/// <summary>What the patient chose. No price: prices are read from the catalog whenever the cart is shown.</summary>
[GenerateSerializer, Alias("MedPlatform.CartLine")]
public sealed class CartLine
{
    [Id(0)] public string ProductId { get; set; } = "";
    [Id(1)] public int Quantity { get; set; }
    [Id(2)] public string? PrescriptionId { get; set; }
}
