namespace MedPlatform.Api.Hosting;

/// <summary>The "Embedded" section: the one-process mode that co-hosts a silo on a SQLite file.</summary>
public sealed class EmbeddedOptions
{
    public const string Section = "Embedded";

    /// <summary>Where the database and the generated token-signing key live. Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The co-hosted silo's port (silo-to-silo traffic only, on loopback).</summary>
    public int SiloPort { get; set; } = 11111;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
