namespace MedPlatform.ServiceDefaults;

/// <summary>
/// `dotnet X.dll healthcheck [url]`: asks this service's /health/ready and exits 0 or 1. Container
/// healthchecks use it, as the .NET runtime images carry no curl.
/// </summary>
public static class HealthProbe
{
    public static bool Requested(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    public static int Run(string[] args, string defaultUrl)
    {
        var url = args.Length > 1 ? args[1] : defaultUrl;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = http.GetAsync(new Uri(new Uri(url), "/health/ready")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            Console.Error.WriteLine($"healthcheck: {e.Message}");
            return 1;
        }
    }
}
