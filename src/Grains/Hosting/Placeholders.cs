namespace MedPlatform.Hosting;

/// <summary>Recognizes the example values of deploy/example.env, so a copied file cannot go live.</summary>
public static class Placeholders
{
    public static bool IsPlaceholder(string? secret) =>
        secret is not null && secret.Contains("change-me", StringComparison.OrdinalIgnoreCase);
}
