using Xunit.Abstractions;

namespace MedPlatform.TestSupport;

/// <summary>
/// Measurements a test reports (never asserts on): written to the test's output and appended to
/// TestResults/figures.txt, which scripts/test.sh prints at the end of a run.
/// </summary>
public static class Figures
{
    private static readonly Lock FileLock = new();

    public static void Report(this ITestOutputHelper output, string line)
    {
        var text = line.StartsWith("Figures: ", StringComparison.Ordinal) ? line : "Figures: " + line;
        output.WriteLine(text);
        var directory = Path.Combine(RepoLayout.Root, "TestResults");
        lock (FileLock)
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(Path.Combine(directory, "figures.txt"), $"{DateTime.UtcNow:u} {text[9..]}{Environment.NewLine}");
        }
    }
}
