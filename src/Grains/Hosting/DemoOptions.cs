namespace MedPlatform.Hosting;

/// <summary>"Demo" section: whether to seed demo accounts and content (embedded mode does by default).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
