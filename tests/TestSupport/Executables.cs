namespace MedPlatform.TestSupport;

/// <summary>Finds the server programs the tests run. A missing one fails the test with what to install.</summary>
public static class Executables
{
    public static string Require(string name, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/bin"])
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            $"'{name}' is not installed. Install the Debian package '{debianPackage}' (scripts/test.sh does this).");
    }
}
