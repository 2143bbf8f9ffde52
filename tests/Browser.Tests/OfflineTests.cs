using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>The web app as a phone keeps it: installable, and readable offline without ever sending anything behind the user's back.</summary>
[Collection(nameof(WebPlatform))]
public sealed class OfflineTests(WebPlatform platform)
{
    private const string OfflineBanner = "You are offline";
    private const string OfflineRefusal = "You are offline: nothing was sent. Try again when you are back online.";

    [Fact]
    public async Task The_app_is_installable_with_a_manifest_icons_and_a_service_worker()
    {
        var page = await platform.NewPageAsync(390, 844);
        await page.GotoAsync("/");

        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        using var http = platform.NewHttpClient();
        var manifest = await http.GetFromJsonAsync<JsonNode>(href);
        Assert.Equal("standalone", manifest!["display"]!.GetValue<string>());
        Assert.Equal("/", manifest["start_url"]!.GetValue<string>());
        var icons = manifest["icons"]!.AsArray().Select(i => (Sizes: i!["sizes"]!.GetValue<string>(), Purpose: i["purpose"]?.GetValue<string>())).ToList();
        Assert.Contains(icons, i => i.Sizes == "192x192");
        Assert.Contains(icons, i => i.Sizes == "512x512" && i.Purpose is null or "any");
        Assert.Contains(icons, i => i.Sizes == "512x512" && i.Purpose == "maskable");
        foreach (var icon in manifest["icons"]!.AsArray())
            Assert.True((await http.GetAsync(icon!["src"]!.GetValue<string>())).IsSuccessStatusCode, icon.ToJsonString());
        Assert.True((await http.GetAsync("/favicon.ico")).IsSuccessStatusCode, "/favicon.ico");

        Assert.True(await page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(r => r.active !== null)"));
    }

    [Fact]
    public async Task Pages_read_before_open_offline_under_a_banner_and_a_write_is_refused_then_never_sent()
    {
        using var http = platform.NewHttpClient();
        var product = (await http.GetFromJsonAsync<JsonNode>("/api/products?q=paracetamol"))!["items"]![0]!;
        var thread = (await http.GetFromJsonAsync<JsonNode>("/api/forum/threads?pageSize=1"))!["items"]![0]!;
        var email = $"offline-{Guid.NewGuid():N}@medplatform.test";
        var page = await platform.NewPageAsync(390, 844);
        await page.RegisterPatientAsync("Olga Offline", email);
        // The first visit installs the service worker; from the next page on it answers for the app.
        await page.EvaluateAsync("navigator.serviceWorker.ready");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");

        await page.GotoAsync("/medicines?q=paracetamol");
        await Expect(page.Link($"{product["name"]} {product["strength"]}")).ToBeVisibleAsync();
        await page.GotoAsync($"/medicines/{product["id"]}");
        await Expect(page.Heading(product["name"]!.GetValue<string>())).ToBeVisibleAsync();
        await page.GotoAsync($"/forum/threads/{thread["id"]}");
        await Expect(page.Heading(thread["title"]!.GetValue<string>())).ToBeVisibleAsync();

        var writes = new List<string>();
        page.Context.Request += (_, request) =>
        {
            // Renewing the session (its access tokens last 30 s here) is the app's own business; any other write is the user's.
            if (request.Method is not ("GET" or "HEAD") && !request.Url.Contains("/api/auth/", StringComparison.Ordinal))
                lock (writes) writes.Add($"{request.Method} {request.Url}");
        };
        // On the page already open, the connection gone: the write is refused at once, not held until it returns.
        await page.GotoAsync($"/medicines/{product["id"]}");
        await Expect(page.Button("Put in cart")).ToBeEnabledAsync();
        await page.Context.SetOfflineAsync(true);
        await page.Button("Put in cart").ClickAsync();
        await Expect(page.GetByText(OfflineRefusal)).ToBeVisibleAsync();
        await page.Context.SetOfflineAsync(false);
        await (await page.NavLinkAsync(new System.Text.RegularExpressions.Regex("^Cart"))).ClickAsync();
        await Expect(page.Heading("Cart")).ToBeVisibleAsync();
        await page.SettledAsync();
        await page.Context.SetOfflineAsync(true);

        await page.GotoAsync("/medicines?q=paracetamol");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = OfflineBanner })).ToBeVisibleAsync();
        await Expect(page.Link($"{product["name"]} {product["strength"]}")).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(page, "30-offline-catalog");
        await page.GotoAsync($"/forum/threads/{thread["id"]}");
        await Expect(page.Heading(thread["title"]!.GetValue<string>())).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = OfflineBanner })).ToBeVisibleAsync();

        await page.GotoAsync($"/medicines/{product["id"]}");
        await page.Button("Put in cart").ClickAsync();
        await Expect(page.GetByText(OfflineRefusal)).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(page, "31-offline-write-refused");

        // Back online, nothing that was refused goes out on its own: the cart is still empty.
        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync("/cart");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = OfflineBanner })).ToHaveCountAsync(0);
        await page.SettledAsync();
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "patient-pass-2026" });
        var token = (await login.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
        using var cartRequest = new HttpRequestMessage(HttpMethod.Get, "/api/cart") { Headers = { { "Authorization", "Bearer " + token } } };
        var cart = await (await http.SendAsync(cartRequest)).Content.ReadFromJsonAsync<JsonNode>();
        Assert.Empty(cart!["items"]!.AsArray());
        lock (writes) Assert.Empty(writes);
    }
}
