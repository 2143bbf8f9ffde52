using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>Putting a medicine in the cart adds to it, and the header says how much the cart holds, at phone width.</summary>
[Collection(nameof(WebPlatform))]
public sealed class CartTests(WebPlatform platform)
{
    [Fact]
    public async Task Putting_in_the_cart_twice_adds_up_and_the_header_counts_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync(390, 844);
        await page.RegisterPatientAsync($"Adding Patient {tag}", $"adding-{tag}@example.test");
        // Paracetamol is limited to 2 a line (pack-size rules): 1 and then 1 more is the most it takes.
        await page.PutInCartAsync("paracetamol", "Paracetamol", "500 mg", quantity: 1);
        var cart = new System.Text.RegularExpressions.Regex("^Cart");
        await Expect(await page.NavLinkAsync(cart)).ToContainTextAsync("1");

        await page.ReloadAsync();
        await Expect(page.GetByText("You have 1 in your cart; this adds to them.")).ToBeVisibleAsync();
        await Expect(page.Field("Quantity")).ToHaveValueAsync("1");
        await page.Button("Put in cart").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "In your cart" })).ToContainTextAsync("2 × Paracetamol");
        await Expect(await page.NavLinkAsync(cart)).ToContainTextAsync("2");
        await page.GotoAsync("/cart");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await WebPlatform.ScreenshotAsync(page, "41-cart-added-twice");
    }
}
