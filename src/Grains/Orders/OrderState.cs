namespace MedPlatform.Orders;

[GenerateSerializer, Alias("MedPlatform.OrderState")]
public sealed class OrderState
{
    /// <summary>Null while no order exists under this id.</summary>
    [Id(0)] public string? PatientId { get; set; }
    [Id(1)] public string CheckoutKey { get; set; } = "";
    [Id(2)] public List<OrderItem> Items { get; set; } = [];
    [Id(3)] public long TotalCents { get; set; }
    [Id(4)] public ShippingAddress Address { get; set; } = new("", "", "", "", "");
    [Id(5)] public string PaymentToken { get; set; } = "";
    [Id(6)] public string CardLast4 { get; set; } = "";
    [Id(7)] public string? PaymentId { get; set; }
    [Id(8)] public OrderStatus Status { get; set; }
    [Id(9)] public List<OrderHistoryEntry> History { get; set; } = [];
    [Id(10)] public string? TrackingNumber { get; set; }
    [Id(11)] public DateTimeOffset CreatedAt { get; set; }
    [Id(12)] public int Version { get; set; }
    /// <summary>
    /// An exit decided but not yet finished (refund, stock and prescriptions to give back). Saved
    /// before any of that is done, so a crash part-way is finished by the next Resume.
    /// </summary>
    [Id(13)] public PendingExit? Exit { get; set; }
    /// <summary>Null only for orders placed before order numbers; they claim one when next activated.</summary>
    [Id(14)] public string? OrderNumber { get; set; }
    /// <summary>The VAT rate the order was sold at (prices include it). Null for orders placed before receipts showed VAT.</summary>
    [Id(15)] public decimal? VatRatePercent { get; set; }
    [Id(16)] public DeliveryEstimate? EstimatedDelivery { get; set; }
    /// <summary>How many steps of the history the patient was told of; null for orders from before notifications (only their next step is told).</summary>
    [Id(17)] public int? HistoryTold { get; set; }

    public bool Exists => PatientId is not null;
    public bool NeedsReview => Items.Any(i => i.PrescriptionId is not null);
}

[GenerateSerializer, Alias("MedPlatform.OrderItem")]
public sealed class OrderItem
{
    [Id(0)] public string ProductId { get; set; } = "";
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public int Quantity { get; set; }
    [Id(3)] public long UnitPriceCents { get; set; }
    [Id(4)] public string? PrescriptionId { get; set; }
}

[GenerateSerializer, Alias("MedPlatform.PendingExit")]
public sealed record PendingExit(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] string? ActorId,
    [property: Id(2)] string? Note);
