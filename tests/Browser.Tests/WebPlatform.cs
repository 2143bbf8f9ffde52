using System.Globalization;
using MedPlatform.TestSupport;

namespace MedPlatform.Browser.Tests;

/// <summary>
/// The platform as people use it: the built Api as a real process in embedded mode on a throwaway
/// data directory (with the demo accounts), serving the built web app, and Debian's Chromium
/// driven by Playwright.
/// </summary>
public sealed class WebPlatform : IAsyncLifetime
{
    public const string DemoPassword = "demo-pass-2026";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("medplatform-browser-").FullName;
    private readonly List<IBrowserContext> contexts = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private ApiProcess? api;
    private Smtp4devServer? smtp;
    private Dictionary<string, string?> apiEnvironment = [];
    private string[] apiArguments = [];

    public static string ScreenshotDirectory { get; } = Path.Combine(RepoLayout.Root, "TestResults", "screenshots");

    public Uri BaseAddress => api!.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's 'chromium' package (scripts/test.sh does this).");
        Directory.CreateDirectory(ScreenshotDirectory);
        Assertions.SetDefaultExpectTimeout(15_000);

        var webRoot = Path.Combine(RepoLayout.Root, "src", "Api", "wwwroot");
        if (!File.Exists(Path.Combine(webRoot, "index.html")))
            throw new InvalidOperationException($"{webRoot}/index.html is missing: building src/Api builds the web app.");
        apiEnvironment = new Dictionary<string, string?>
        {
            ["Embedded__DataDirectory"] = dataDirectory,
            ["Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            // Every browser signs in from 127.0.0.1: the per-address limits are for the real world.
            ["RateLimits__AuthenticationPerMinute"] = "10000",
            ["RateLimits__CheckoutPerMinute"] = "10000",
            // Short-lived access tokens, so the journeys renew them on the way like long sessions do.
            ["Jwt__AccessTokenLifetime"] = "00:00:30",
            ["Jwt__ClockSkew"] = "00:00:00",
        };
        // Mail goes to a real SMTP server, and its links lead to this server, so a test follows them as the person reading the mail would.
        smtp = await Smtp4devServer.StartNewAsync();
        Mailboxes.Add(smtp);
        apiEnvironment["Smtp__Host"] = "127.0.0.1";
        apiEnvironment["Smtp__Port"] = smtp.SmtpPort.ToString(CultureInfo.InvariantCulture);
        apiEnvironment["Smtp__From"] = "MedPlatform <no-reply@medplatform.test>";
        var port = FreePort.Next();
        apiEnvironment["App__PublicUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        apiArguments = ["--webroot", webRoot];
        api = await ApiProcess.StartAsync("api (browser)", apiEnvironment, arguments: apiArguments, port: port);
        api.Authenticators = Authenticators;
        Platforms[BaseAddress.Authority] = this;

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser profile (no session) at desktop or phone size; closed with the fixture.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "en-GB")
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Berlin",
        });
        contexts.Add(context);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots, kept as a test artifact.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>The mailbox folder of every platform started in this test run: emails are unique, so a mail is looked for in all of them.</summary>
    public static System.Collections.Concurrent.ConcurrentBag<IMailbox> Mailboxes { get; } = [];

    /// <summary>The staff's authenticator apps on this platform (its database holds their secrets).</summary>
    public Authenticators Authenticators { get; } = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WebPlatform> Platforms = new();

    /// <summary>The platform a page is on, found by its address (the page actions are extensions of the page alone).</summary>
    public static WebPlatform Of(IPage page) => Platforms[new Uri(page.Url).Authority];

    /// <summary>A client of the Api this platform runs, sharing its staff's authenticators.</summary>
    public ApiClient NewApiClient() => api!.NewClient();

    /// <summary>The SMTP server (smtp4dev) this platform sends its mail to.</summary>
    public IMailbox Mailbox => smtp!;

    public HttpClient NewHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops the Api (gracefully) under whatever pages are open; <see cref="StartApiAsync"/> brings it back on the same address and data.</summary>
    public Task StopApiAsync() => api!.StopAsync();

    public async Task StartApiAsync()
    {
        var port = BaseAddress.Port;
        await api!.DisposeAsync();
        api = await ApiProcess.StartAsync("api (browser, restarted)", apiEnvironment, arguments: apiArguments, port: port);
        api.Authenticators = Authenticators;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
            await context.CloseAsync();
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        if (api is not null)
            await api.DisposeAsync();
        if (smtp is not null)
            await smtp.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(nameof(WebPlatform))]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatform>;
