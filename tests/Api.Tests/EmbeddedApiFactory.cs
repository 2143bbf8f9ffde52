using System.Net;
using MedPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The real Api in embedded mode (co-hosted silo, SQLite file in a throwaway data directory),
/// served over HTTP by the test server. One per test run; tests keep to their own accounts.
/// </summary>
public class EmbeddedApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@api-tests.test";
    public const string AdminPassword = "api-tests-admin-pass";
    /// <summary>Known to the tests so they can forge tokens that are expired or signed with another key.</summary>
    public const string SigningKey = "api-tests-signing-key-0123456789-abcdefghij";
    /// <summary>The test server has no network peer; this header stands in for the client's address.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("medplatform-api-").FullName;

    /// <summary>Where the SQLite files live, for tests that look at what was written.</summary>
    public string DataDirectory => dataDirectory;

    public long MaxRequestBodyBytes => 256 * 1024;

    /// <summary>Where the platform writes its mail (no SMTP server is configured); a subclass with one reads it there.</summary>
    public virtual IMailbox Mailbox => new MailboxFolder(Path.Combine(dataDirectory, "mailbox"));

    /// <summary>Whether the platform starts with its demo accounts, forum and catalog (as `dotnet run` does).</summary>
    protected virtual bool SeedDemo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Embedded:DataDirectory", dataDirectory);
        builder.UseSetting("Embedded:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        // Tests sign in a lot; the per-address limiter is tested on a real process (EmbeddedProcessTests).
        builder.UseSetting("RateLimits:AuthenticationPerMinute", "100000");
        builder.UseSetting("RateLimits:CheckoutPerMinute", "100000");
        // Pharmacists' review digest every second rather than every ten minutes, so a test sees one.
        builder.UseSetting("Notifications:ReviewDigestEvery", "00:00:01");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
    }

    /// <summary>The staff's authenticator apps on this platform, shared by all its clients.</summary>
    public Authenticators Authenticators { get; } = new();

    /// <summary>A client with an address of its own, so its failed sign-ins throttle nobody else.</summary>
    public ApiClient NewClient(string? address = null)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(ClientAddressHeader, address ?? RandomAddress());
        return new ApiClient(http) { Mailbox = Mailbox, Authenticators = Authenticators };
    }

    public static string RandomAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A path that throws inside the app's pipeline, standing in for a bug.</summary>
    public const string FailingPath = "/api/test-only/throws";

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Added after the app's own middleware, so its exception handler is in front of it.
            app.Map(FailingPath, branch => branch.Run(_ => throw new InvalidOperationException("secret connection string Password=hunter2")));
        };
    }

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(nameof(EmbeddedApi))]
public sealed class EmbeddedApi : ICollectionFixture<EmbeddedApiFactory>;

/// <summary>The Api with the demo data and nothing else: for what depends on the whole catalog or forum, such as search relevance.</summary>
public sealed class DemoDataApiFactory : EmbeddedApiFactory
{
    protected override bool SeedDemo => true;
}

[CollectionDefinition(nameof(DemoDataApi))]
public sealed class DemoDataApi : ICollectionFixture<DemoDataApiFactory>;

/// <summary>
/// The Api whose business clock (token and code lifetimes, lockouts) a test moves: two-factor codes
/// of any time step without waiting for it. Background work on that clock waits until it is moved.
/// </summary>
public sealed class MovableClockApiFactory : EmbeddedApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(new MedPlatform.Hosting.PlatformClock(Clock))));
    }
}

[CollectionDefinition(nameof(MovableClockApi))]
public sealed class MovableClockApi : ICollectionFixture<MovableClockApiFactory>;
