using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>At 390 px: the header is one row with a menu, and wide tables scroll inside the page instead of cutting columns off.</summary>
[Collection(nameof(WebPlatform))]
public sealed class PhoneLayoutTests(WebPlatform platform)
{
    [Fact]
    public async Task On_a_phone_the_navigation_folds_behind_a_menu_and_the_products_table_keeps_every_column_reachable()
    {
        var page = await platform.NewPageAsync(390, 844);
        await page.SignInAsync("pharmacist@medplatform.test");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).Not.ToBeVisibleAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 130, $"the closed header is {header.Height} px tall");

        await (await page.NavLinkAsync(new Regex("^Products and stock"))).ClickAsync();
        await Expect(page.Heading("Products and stock")).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await page.SettledAsync();
        await WebPlatform.ScreenshotAsync(page, "43-phone-products");

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        var stock = page.GetByRole(AriaRole.Columnheader, new() { Name = "Stock" });
        await stock.ScrollIntoViewIfNeededAsync();
        await Expect(stock).ToBeInViewportAsync();
    }
}
