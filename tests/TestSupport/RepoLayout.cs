namespace MedPlatform.TestSupport;

/// <summary>Finds the repository and the built hosts, so tests can start them as real processes.</summary>
public static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever the tests themselves were built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The output directory of a project under src/, e.g. <c>BuildOutput("Api")</c>.</summary>
    public static string BuildOutput(string project)
    {
        var directory = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0");
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"{directory} does not exist: build the solution ({Configuration}) before running these tests.");
        return directory;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MedPlatform.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("MedPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
