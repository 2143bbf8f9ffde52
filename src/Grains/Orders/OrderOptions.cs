namespace MedPlatform.Orders;

/// <summary>"Orders" section: how the order service re-drives automatic steps.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How often the order sweep resumes orders left in an automatic step or exit (a crash, the gateway down).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this long in automatic steps an order stops waiting: it fails cleanly and gives everything back.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(1);
}
