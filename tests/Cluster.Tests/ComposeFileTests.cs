using MedPlatform.TestSupport;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// docker-compose.yml is checked by Debian's docker-compose (no Docker engine runs here, so the
/// containers are not started): it must parse, and refuse to start without its secrets.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_is_valid_with_the_example_settings()
    {
        var (exitCode, output) = await ComposeConfig(File.ReadAllText(Path.Combine(RepoLayout.Root, "deploy", "example.env")));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task The_compose_file_refuses_to_run_without_the_payment_service_key()
    {
        var settings = string.Join('\n', File.ReadAllLines(Path.Combine(RepoLayout.Root, "deploy", "example.env"))
            .Where(line => !line.StartsWith("PAYMENTS_API_KEY=", StringComparison.Ordinal)));

        var (exitCode, output) = await ComposeConfig(settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PAYMENTS_API_KEY", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> ComposeConfig(string environmentFile)
    {
        var compose = Executables.Require("docker-compose", "docker-compose");
        var envFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(envFile, environmentFile);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(compose)
            {
                ArgumentList = { "--env-file", envFile, "--project-directory", RepoLayout.Root, "-f", Path.Combine(RepoLayout.Root, "docker-compose.yml"), "config", "-q" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            File.Delete(envFile);
        }
    }
}
