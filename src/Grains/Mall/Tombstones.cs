namespace MedPlatform.Mall;

/// <summary>How long stock and prescriptions remember that an order gave its units back.</summary>
public static class Tombstones
{
    /// <summary>Far longer than any message can be in flight, short enough to keep grain state small.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
}
