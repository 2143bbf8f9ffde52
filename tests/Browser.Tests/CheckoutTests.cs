using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

[Collection(nameof(WebPlatform))]
public sealed partial class CheckoutTests(WebPlatform platform)
{
    [Fact]
    public async Task Checkout_errors_appear_beside_their_fields_and_a_declined_card_says_so_plainly()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync();
        await page.RegisterPatientAsync($"Declined Patient {tag}", $"declined-{tag}@example.test");
        await page.PutInCartAsync("paracetamol", "Paracetamol", "500 mg", quantity: 2);
        await page.GotoAsync("/checkout");

        // Nothing filled in: every field says what is wrong, and the form keeps what was typed.
        await Expect(page.Field("Full name")).ToHaveValueAsync($"Declined Patient {tag}");
        await page.Field("Full name").FillAsync("");
        await page.Field("City").FillAsync("Hamburg");
        await page.Field("Card number").FillAsync("4242 4242 4242 4241");
        await page.PayButton().ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please correct the fields marked below.");
        // Focus goes to the summary of what went wrong, not back to the top of the page.
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await Expect(page.Field("Full name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Field("Full name")).ToHaveAccessibleDescriptionAsync("Fill this in.");
        await Expect(page.Field("City")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Field("City")).ToHaveValueAsync("Hamburg");
        await Expect(page.Field("Card number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Field("Card number")).ToHaveAccessibleDescriptionAsync(new Regex("card number", RegexOptions.IgnoreCase));
        await Expect(page.Field("Expiry (MM/YY)")).ToHaveAttributeAsync("aria-invalid", "true");
        await WebPlatform.ScreenshotAsync(page, "20-checkout-errors");

        // The cart is untouched by a refused checkout.
        await Expect(page.Locator(".summary")).ToContainTextAsync("2 × Paracetamol");

        // A card the gateway declines: the patient stays on checkout, the error on the card, the
        // address as typed and the items still in the cart.
        await page.FillCheckoutAsync($"Declined Patient {tag}", "4000 0000 0000 0002");
        await page.PayButton().ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("The card was declined.");
        await Expect(summary).ToContainTextAsync("Nothing was charged, and your items are still in your cart.");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/checkout$"));
        await Expect(page.Field("Card number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Field("Card number")).ToHaveAccessibleDescriptionAsync(new Regex("declined.*another card"));
        await Expect(page.Field("Full name")).ToHaveValueAsync($"Declined Patient {tag}");
        await Expect(page.Field("Street and number")).ToHaveValueAsync("12 Harbour Street");
        await Expect(page.Locator(".summary")).ToContainTextAsync("2 × Paracetamol");
        await WebPlatform.ScreenshotAsync(page, "21-payment-declined");

        // One retry with another card completes the order.
        await page.Field("Card number").FillAsync("4242 4242 4242 4242");
        await page.Field("Security code").FillAsync("123");
        var number = await page.PayAndTrackAsync();
        await Expect(page.Heading($"Order {number}")).ToBeVisibleAsync();
        await Expect(page.Locator(".order-status [data-status]")).ToHaveAttributeAsync("data-status", "readyToShip");

        // The declined attempt is not among the orders: it is listed apart, once.
        await page.GotoAsync("/orders");
        await Expect(page.Locator(".cards .card")).ToHaveCountAsync(1);
        await Expect(page.Locator(".cards .card")).ToContainTextAsync($"Order {number}");
        await Expect(page.GetByText("Payments that did not go through (1)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_patient_changes_and_removes_cart_lines_and_cancels_an_order_before_it_ships()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync();
        await page.RegisterPatientAsync($"Cancelling Patient {tag}", $"cancel-{tag}@example.test");
        await page.GotoAsync("/cart");
        await Expect(page.GetByText("Your cart is empty.")).ToBeVisibleAsync();

        await page.PutInCartAsync("paracetamol", "Paracetamol", "500 mg");
        await page.PutInCartAsync("ibuprofen", "Ibuprofen", "200 mg");
        await page.GotoAsync("/cart");
        var paracetamol = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Paracetamol" });
        // Paracetamol is sold at most two packs at a time: the refusal shows in its row.
        await page.GetByLabel("Quantity of Paracetamol").FillAsync("3");
        await paracetamol.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Expect(paracetamol.GetByRole(AriaRole.Alert)).ToContainTextAsync("At most 2 of Paracetamol per order.");
        await Expect(page.Locator("table tfoot")).ToContainTextAsync("€5.78");
        // An emptied box is a mistake, not a request to remove the line.
        await page.GetByLabel("Quantity of Paracetamol").FillAsync("");
        await paracetamol.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Expect(paracetamol.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a whole number from 0 to 100.");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Quantity of Paracetamol").FillAsync("2");
        await paracetamol.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        // 2 × €2.49 + €3.29
        await Expect(page.Locator("table tfoot")).ToContainTextAsync("€8.27");
        await page.Button("Remove Ibuprofen").ClickAsync();
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tfoot")).ToContainTextAsync("€4.98");

        await page.Link("Check out").ClickAsync();
        await page.FillCheckoutAsync($"Cancelling Patient {tag}", "4242424242424242");
        await page.PayAndTrackAsync();
        await Expect(page.Locator(".order-status [data-status]")).ToHaveAttributeAsync("data-status", "readyToShip");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Button("Cancel order").ClickAsync();
        await Expect(page.Locator(".order-status [data-status]")).ToHaveAttributeAsync("data-status", "refunded");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Refunded");
        await Expect(page.Button("Cancel order")).ToHaveCountAsync(0);
    }
}
