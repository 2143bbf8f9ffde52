namespace MedPlatform.Orders;

/// <summary>"Orders" section: how the order service re-drives automatic steps.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How often the order sweep resumes orders left in an automatic step or exit (a crash, the gateway down).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this long in automatic steps an order stops waiting: it fails cleanly and gives everything back.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The VAT included in medicine prices, in percent; each order keeps the rate it was sold at, for its receipt.</summary>
    public decimal VatRatePercent { get; set; } = 20m;

    /// <summary>Working days from an order to the door, the fewest and the most (the carrier's promise).</summary>
    public int DeliveryWorkingDaysMin { get; set; } = 2;
    public int DeliveryWorkingDaysMax { get; set; } = 4;

    /// <summary>The pharmacy's time zone (IANA id): the day an order is placed, for its delivery window, is the pharmacy's day.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Working days a pharmacist's prescription review may add.</summary>
    public int ReviewWorkingDays { get; set; } = 1;
}
