using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>
/// The whole way from a question to a delivered parcel, with a patient, a verified doctor and a
/// pharmacist each in their own browser.
/// </summary>
[Collection(nameof(WebPlatform))]
public sealed partial class PatientJourneyTests(WebPlatform platform)
{
    [Fact]
    public async Task A_question_becomes_a_prescription_an_order_and_a_shipped_parcel_followed_live()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var patientName = $"Journey Patient {tag}";
        var title = $"Ear pain and fever since Monday ({tag})";

        // A patient registers and asks, anonymously.
        var patient = await platform.NewPageAsync();
        await patient.RegisterPatientAsync(patientName, $"journey-{tag}@example.test");
        await patient.Link("Ask a doctor").First.ClickAsync();
        await patient.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Ear, nose & throat" });
        await patient.Field("Question").FillAsync(title);
        await patient.Field("Details").FillAsync("My left ear hurts, 38.5 °C fever for three days. No allergies.");
        await patient.Field("Ask anonymously (others see “Anonymous” instead of your name)").CheckAsync();
        await WebPlatform.ScreenshotAsync(patient, "10-ask");
        await patient.Button("Post question").ClickAsync();
        await Expect(patient.Heading(title)).ToBeVisibleAsync();
        await Expect(patient.GetByText("(you, shown to others as Anonymous)")).ToBeVisibleAsync();
        var threadPath = new Uri(patient.Url).AbsolutePath;
        // Her own list shows the question as others see it, marked as hers: not her name.
        await patient.GotoAsync("/forum?mine=true");
        await Expect(patient.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title })).ToContainTextAsync("Anonymous (you)");
        await Expect(patient.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title })).Not.ToContainTextAsync(patientName);
        await patient.GotoAsync(threadPath);

        // A verified doctor answers and prescribes through the thread, without learning who asked.
        var doctor = await platform.NewPageAsync();
        await doctor.SignInAsync("dr.chen@medplatform.test");
        await doctor.GotoAsync(threadPath);
        await Expect(doctor.GetByText("Asked by Anonymous")).ToBeVisibleAsync();
        await doctor.Field("Your answer").FillAsync("This sounds like otitis media. Amoxicillin for 7 days; see a doctor if it gets worse.");
        await doctor.Button("Post answer").ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "1 answer" })).ToBeVisibleAsync();
        await doctor.Link("Write a prescription for this patient").ClickAsync();
        await Expect(doctor.GetByText("(they stay anonymous to you)")).ToBeVisibleAsync();
        await doctor.Field("Find a medicine").FillAsync("amoxicillin");
        await doctor.Button("Find").ClickAsync();
        await doctor.GetByRole(AriaRole.Button, new() { NameRegex = AddAmoxicillin() }).ClickAsync();
        await doctor.GetByLabel("Quantity of Amoxicillin").FillAsync("2");
        await doctor.Field("Notes for the patient and pharmacist").FillAsync("One capsule three times a day for 7 days.");
        await WebPlatform.ScreenshotAsync(doctor, "11-prescribe");
        await doctor.Button("Issue prescription").ClickAsync();
        await Expect(doctor.Heading("Issued prescriptions")).ToBeVisibleAsync();
        await Expect(doctor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "For an anonymous forum patient" }).First).ToContainTextAsync("Amoxicillin");

        // The patient accepts the answer.
        await patient.ReloadAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Accept this answer from" }).ClickAsync();
        await Expect(patient.GetByText("Accepted answer")).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Button, new() { Name = "Accept this answer from" })).ToHaveCountAsync(0);
        await WebPlatform.ScreenshotAsync(patient, "12-thread-accepted");

        // The prescribed medicine goes in the cart against the prescription, then an OTC one.
        await patient.Link("My prescriptions").ClickAsync();
        await Expect(patient.GetByText("2 per fill, 2 left to buy")).ToBeVisibleAsync();
        await patient.Link("Amoxicillin").ClickAsync();
        await Expect(patient.Field("Prescription")).ToContainTextAsync("2 left");
        await patient.Field("Quantity").FillAsync("2");
        await patient.Button("Put in cart").ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "In your cart" })).ToContainTextAsync("2 × Amoxicillin");
        await patient.PutInCartAsync("ibuprofen", "Ibuprofen", "400 mg");

        // The cart's link also says how many units it holds ("Cart 2").
        await (await patient.NavLinkAsync(new Regex("^Cart"))).ClickAsync();
        var rows = patient.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        // 2 × €5.99 + 1 × €4.49, priced by the server.
        await Expect(patient.Locator("table tfoot")).ToContainTextAsync("€16.47");
        await WebPlatform.ScreenshotAsync(patient, "13-cart");

        await patient.Link("Check out").ClickAsync();
        await patient.FillCheckoutAsync(patientName, "4242 4242 4242 4242");
        await WebPlatform.ScreenshotAsync(patient, "14-checkout");
        var orderNumber = await patient.PayAndTrackAsync();

        // The order page follows the order: processing ends at the pharmacist's review.
        await Expect(patient).ToHaveURLAsync(OrderPage());
        var orderId = patient.OrderId();
        var status = patient.Locator(".order-status [data-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "awaitingReview");
        await Expect(patient.Locator(".timeline li")).ToHaveCountAsync(4);
        await WebPlatform.ScreenshotAsync(patient, "15-order-awaiting-review");
        // Marks this document: a reload would lose the mark, so later changes must arrive live.
        await patient.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // A pharmacist approves the prescription and ships.
        var pharmacist = await platform.NewPageAsync();
        await pharmacist.SignInAsync("pharmacist@medplatform.test");
        await pharmacist.Link("Pharmacy queue").ClickAsync();
        var card = pharmacist.GetByRole(AriaRole.Listitem, new() { Name = $"Order for {patientName}" });
        await Expect(card).ToContainTextAsync("One capsule three times a day");
        // Patient and pharmacy call the order by the same number.
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Order {orderNumber}", Exact = true })).ToBeVisibleAsync();
        await Expect(patient.Heading($"Order {orderNumber}")).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(pharmacist, "16-pharmacy-review");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(card).ToHaveCountAsync(0);
        await Expect(status).ToHaveAttributeAsync("data-status", "readyToShip");

        await pharmacist.Field("Show orders that are").SelectOptionAsync(new SelectOptionValue { Label = "Ready to ship" });
        await card.GetByLabel("Tracking number").FillAsync($"DHL-{tag}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Ship" }).ClickAsync();
        await Expect(card).ToHaveCountAsync(0);

        // The patient's page shows it, without a reload.
        await Expect(status).ToHaveAttributeAsync("data-status", "shipped");
        await Expect(status).ToHaveTextAsync("Shipped");
        await Expect(patient.Locator(".tracking")).ToHaveTextAsync($"DHL-{tag}");
        Assert.True(await patient.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the order page was reloaded");
        await WebPlatform.ScreenshotAsync(patient, "17-order-shipped");

        // Shipped orders cannot be cancelled, and the order list shows the new status.
        await Expect(patient.Button("Cancel order")).ToHaveCountAsync(0);
        await patient.Link("My orders").First.ClickAsync();
        await Expect(patient.Locator($"a[href='/orders/{orderId}']")).ToBeVisibleAsync();
        await Expect(patient.Locator(".card").Filter(new() { Has = patient.Locator($"a[href='/orders/{orderId}']") })).ToContainTextAsync("Shipped");

        // She calls the pharmacy and reads the number out; the pharmacist finds the order by it.
        await pharmacist.GotoAsync("/pharmacy");
        await pharmacist.Field("Order number").FillAsync(orderNumber.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await pharmacist.Button("Find order").ClickAsync();
        await Expect(pharmacist.Heading($"Order {orderNumber}")).ToBeVisibleAsync();
    }

    [GeneratedRegex("^Add Amoxicillin 500 mg")]
    private static partial Regex AddAmoxicillin();

    [GeneratedRegex("/orders/[0-9a-f]+$")]
    private static partial Regex OrderPage();
}
