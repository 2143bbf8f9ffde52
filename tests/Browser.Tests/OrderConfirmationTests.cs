using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>Checkout by keyboard alone, the confirmation page with its receipt, and the address kept for next time.</summary>
[Collection(nameof(WebPlatform))]
public sealed partial class OrderConfirmationTests(WebPlatform platform)
{
    [Fact]
    public async Task A_keyboard_only_checkout_with_a_declined_card_lands_on_the_error_and_one_retry_reaches_the_confirmation()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync(390, 844);
        await page.RegisterPatientAsync($"Keyboard Patient {tag}", $"keyboard-{tag}@example.test");
        await page.PutInCartAsync("paracetamol", "Paracetamol", "500 mg", quantity: 2);
        await page.GotoAsync("/checkout");
        await page.SettledAsync();

        // Only keys from here: Tab to the first field, type, Tab on, Enter to pay.
        await TabToAsync(page, "Full name");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync($"Keyboard Patient {tag}");
        foreach (var (label, text) in new[]
                 {
                     ("Street and number", "3 Canal Road"), ("City", "Utrecht"), ("Postal code", "3511 AB"), ("Country", "Netherlands"),
                 })
        {
            await TabToAsync(page, label);
            await page.Keyboard.TypeAsync(text);
        }
        await TabToAsync(page, "Card number");
        await page.Keyboard.TypeAsync("4000 0000 0000 0002");
        await TabToAsync(page, "Expiry (MM/YY)");
        await page.Keyboard.TypeAsync("12/30");
        await TabToAsync(page, "Security code");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("The card was declined.");
        await Expect(summary).ToBeFocusedAsync();

        // From the summary the keyboard goes on to the form, fixes the card and pays again.
        await TabToAsync(page, "Card number");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("4242 4242 4242 4242");
        await TabToAsync(page, "Security code");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");

        // The confirmation: received, its number, what happens next, when it arrives, and the receipt.
        await Expect(page).ToHaveURLAsync(ReceivedPage());
        await Expect(page.Heading("Thank you, your order is received")).ToBeVisibleAsync();
        await Expect(page.Locator(".order-number strong")).ToHaveTextAsync(PageActions.OrderNumberPattern());
        await Expect(page.Heading("What happens next")).ToBeVisibleAsync();
        await Expect(page.Locator(".estimate")).ToContainTextAsync("Estimated delivery:");
        var receipt = page.Locator(".receipt");
        await Expect(receipt).ToContainTextAsync("2 × Paracetamol");
        await Expect(receipt.Locator(".vat")).ToContainTextAsync("Including VAT (20 %)");
        var total = Cents(await receipt.Locator(".total .money").TextContentAsync());
        var vat = Cents(await receipt.Locator(".vat .money").TextContentAsync());
        Assert.Equal((long)Math.Round(total * 20m / 120m, MidpointRounding.AwayFromZero), vat);
        await Expect(page.Locator("address")).ToContainTextAsync("3 Canal Road");
        await WebPlatform.ScreenshotAsync(page, "46-order-received");

        // Its tracking link is the order's own page.
        var number = await page.Locator(".order-number strong").TextContentAsync();
        await page.Link("Track this order").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-f]+$"));
        await Expect(page.Heading($"Order {number}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_address_of_a_checkout_is_saved_fills_the_next_checkout_and_can_be_removed_from_the_account_page()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync();
        await page.RegisterPatientAsync($"Address Patient {tag}", $"address-{tag}@example.test");
        await page.PutInCartAsync("paracetamol", "Paracetamol", "500 mg");
        await page.GotoAsync("/checkout");
        await page.FillCheckoutAsync($"Address Patient {tag}", "4242 4242 4242 4242");
        await Expect(page.Field("Save this address for next time")).ToBeCheckedAsync();
        await page.PayAndTrackAsync();

        // The next checkout starts from the saved address; only the card is typed.
        await page.PutInCartAsync("ibuprofen", "Ibuprofen", "200 mg");
        await page.GotoAsync("/checkout");
        await Expect(page.Field("Ship to")).ToHaveValueAsync(new Regex(".+"));
        await Expect(page.Field("Street and number")).ToHaveValueAsync("12 Harbour Street");
        await Expect(page.Field("Postal code")).ToHaveValueAsync("20095");
        await Expect(page.Field("Save this address for next time")).ToHaveCountAsync(0);
        await page.Field("Card number").FillAsync("4242 4242 4242 4242");
        await page.Field("Expiry (MM/YY)").FillAsync("12/30");
        await page.Field("Security code").FillAsync("123");
        await page.PayAndTrackAsync();

        await page.GotoAsync("/account");
        var saved = page.GetByRole(AriaRole.Region, new() { Name = "Saved addresses" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = $"Address Patient {tag}, 12 Harbour Street, 20095 Hamburg" });
        await Expect(saved).ToContainTextAsync("Default");
        await page.Button("Remove").ClickAsync();
        await Expect(saved).ToHaveCountAsync(0);
        await Expect(page.GetByText("No saved addresses yet")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the field with this label has focus (at most 40 times).</summary>
    private static async Task TabToAsync(IPage page, string label)
    {
        var field = page.Field(label);
        for (var presses = 0; presses < 40; presses++)
        {
            if (await field.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached '{label}'.");
    }

    private static long Cents(string? money) =>
        long.Parse(Regex.Replace(money ?? "", "[^0-9]", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex("/orders/[0-9a-f]+/received$")]
    private static partial Regex ReceivedPage();
}
