using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>
/// The server stops and starts again under open pages: they say what is happening in plain words
/// and recover by themselves, without a reload. (Tests of one collection run one at a time, so
/// stopping the shared Api here disturbs no other test.)
/// </summary>
[Collection(nameof(WebPlatform))]
public sealed class RecoveryTests(WebPlatform platform)
{
    [Fact]
    public async Task Pages_open_while_the_server_stops_and_starts_again_say_so_and_recover_without_a_reload()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var order = await platform.NewPageAsync(390, 844);
        await order.RegisterPatientAsync($"Recovery Patient {tag}", $"recovery-{tag}@example.test");
        await order.PutInCartAsync("paracetamol", "Paracetamol", "500 mg", quantity: 1);
        await order.GotoAsync("/checkout");
        await order.FillCheckoutAsync($"Recovery Patient {tag}", "4242 4242 4242 4242");
        await order.PayAndTrackAsync();
        await Expect(order.Locator(".order-status [data-status]")).ToHaveAttributeAsync("data-status", "readyToShip");
        var browsing = await platform.NewPageAsync();
        await browsing.GotoAsync("/medicines");
        await browsing.SettledAsync();

        await platform.StopApiAsync();

        // The live order page says its status may be stale; a page not read before says the server did not answer and offers to try again.
        var lost = order.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connection lost" });
        await Expect(lost).ToBeVisibleAsync();
        await (await browsing.NavLinkAsync(new Regex("^Forum$"))).ClickAsync();
        await Expect(browsing.GetByRole(AriaRole.Alert)).ToContainTextAsync("MedPlatform did not answer");
        await Expect(browsing.Button("Try again")).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(browsing, "44-server-down");

        await platform.StartApiAsync();

        await Expect(lost).ToHaveCountAsync(0);
        await Expect(browsing.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(browsing.Locator("main .cards li").First).ToBeVisibleAsync();
        await Expect(order.Locator(".order-status [data-status]")).ToHaveAttributeAsync("data-status", "readyToShip");
    }
}
