namespace MedPlatform.Hosting;

/// <summary>
/// The grain storage providers, one per module, so each module's state can move to its own
/// database without touching its grains. Orders get their own database (see ARCHITECTURE.md).
/// </summary>
public static class StorageNames
{
    public const string Identity = "identity";
    public const string Forum = "forum";
    public const string Mall = "mall";
    /// <summary>Order state, in the order service's own database.</summary>
    public const string Orders = "orders";

    /// <summary>The providers that live in the platform database.</summary>
    public static readonly IReadOnlyList<string> Platform = [Identity, Forum, Mall];

    /// <summary>Every provider, for hosts that keep grain state in memory (tests).</summary>
    public static readonly IReadOnlyList<string> All = [Identity, Forum, Mall, Orders];
}
