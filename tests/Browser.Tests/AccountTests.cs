using MedPlatform.TestSupport;
using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

[Collection(nameof(WebPlatform))]
public sealed class AccountTests(WebPlatform platform)
{
    private const string SessionKey = "medplatform.session";

    [Fact]
    public async Task An_expired_access_token_is_renewed_silently_and_signing_out_ends_the_session_in_every_tab()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await platform.NewPageAsync();
        await page.RegisterPatientAsync($"Session Patient {tag}", $"session-{tag}@example.test");

        // Spoil the access token while the app still thinks it is fresh: the API answers 401 and
        // the app renews the session with the refresh token and carries on.
        var spoiled = await page.EvaluateAsync<string>($$"""
            () => {
              const s = JSON.parse(localStorage.getItem('{{SessionKey}}'));
              s.accessToken = 'not-a-token'; s.expiresAt = Date.now() + 600000;
              localStorage.setItem('{{SessionKey}}', JSON.stringify(s));
              return s.refreshToken;
            }
            """);
        var refreshes = 0;
        page.Request += (_, request) => { if (request.Url.EndsWith("/api/auth/refresh", StringComparison.Ordinal)) refreshes++; };
        await page.GotoAsync("/orders");
        await Expect(page.Heading("My orders")).ToBeVisibleAsync();
        await Expect(page.GetByText("You have no orders yet.")).ToBeVisibleAsync();
        Assert.Equal(1, refreshes);
        Assert.NotEqual(spoiled, await RefreshTokenAsync(page));

        // A second tab shares the session; signing out in one signs out both.
        var secondTab = await page.Context.NewPageAsync();
        await secondTab.GotoAsync("/cart");
        await Expect(secondTab.Heading("Cart")).ToBeVisibleAsync();
        var beforeSignOut = await RefreshTokenAsync(page);
        await page.SignOutButton().ClickAsync();
        await Expect(page.Link("Sign in")).ToBeVisibleAsync();
        await Expect(secondTab.Heading("Please sign in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('{SessionKey}')"));

        // And the server no longer honours the refresh token the browser had.
        using var http = platform.NewHttpClient();
        var reuse = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = beforeSignOut });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        await page.GotoAsync("/orders");
        await Expect(page.Heading("Please sign in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_credentials_get_a_clear_message_and_sign_in_returns_to_the_page_asked_for()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/forum/ask");
        await Expect(page.Heading("Please sign in")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await page.Field("Email").FillAsync("alice@medplatform.test");
        await page.Field("Password").FillAsync("not-her-password");
        await page.Button("Sign in").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email address or password is incorrect.");
        // In people's words, not the HTTP reason phrase; and focus is on it, not lost to the page.
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("Unauthorized");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await WebPlatform.ScreenshotAsync(page, "30-sign-in-refused");

        await page.Field("Password").FillAsync(WebPlatform.DemoPassword);
        await page.Button("Sign in").ClickAsync();
        await Expect(page.Heading("Ask a doctor")).ToBeVisibleAsync();
        Assert.EndsWith("/forum/ask", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_verifies_a_new_doctor_who_can_then_answer_and_creates_a_pharmacist()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var doctorName = $"Dr. Verify {tag}";

        var doctor = await platform.NewPageAsync();
        await doctor.GotoAsync("/register");
        await doctor.Field("Doctor (an administrator checks your licence before you can answer or prescribe)").CheckAsync();
        await doctor.Field("Name shown to others").FillAsync(doctorName);
        await doctor.Field("Email").FillAsync($"doctor-{tag}@example.test");
        await doctor.Field("Password").FillAsync("doctor-pass-2026");
        await doctor.Field("Licence number").FillAsync($"GMC-{tag}");
        await doctor.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Dermatology" });
        await doctor.Button("Create account").ClickAsync();
        await Expect(doctor.Locator(".who")).ToContainTextAsync(doctorName);
        await Expect(doctor.GetByRole(AriaRole.Region, new() { Name = "Confirm your email address" })).ToContainTextAsync("have your licence verified");
        await doctor.FollowMailedLinkAsync($"doctor-{tag}@example.test", ApiClient.ConfirmationSubject, "is confirmed");
        await Expect(doctor.GetByRole(AriaRole.Region, new() { Name = "Confirm your email address" })).ToHaveCountAsync(0);
        await doctor.GotoAsync("/forum?q=elbows");
        await doctor.Link("Itchy red patches on both elbows").ClickAsync();
        await Expect(doctor.GetByText("You can answer once an administrator has verified your licence.")).ToBeVisibleAsync();
        await Expect(doctor.Button("Post answer")).ToHaveCountAsync(0);

        var admin = await platform.NewPageAsync();
        await admin.SignInAsync("admin@medplatform.test");
        await admin.Link("Users").ClickAsync();
        await admin.Field("Verification").SelectOptionAsync(new SelectOptionValue { Label = "Awaiting verification" });
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = doctorName });
        await Expect(row).ToContainTextAsync($"GMC-{tag}, Dermatology");
        await WebPlatform.ScreenshotAsync(admin, "31-admin-verify");
        // Awaiting verification means doctors only, never patients or staff.
        await Expect(admin.Locator("tbody td:nth-child(3)").Filter(new() { HasNotText = "doctor" })).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Verify licence of {doctorName}" }).ClickAsync();
        // A confirmation step, with the licence number in view.
        await Expect(row.GetByRole(AriaRole.Group, new() { Name = $"Confirm the licence of {doctorName}" })).ToContainTextAsync($"GMC-{tag}");
        await row.GetByRole(AriaRole.Button, new() { Name = "Confirm verification" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        await admin.Field("Name").FillAsync($"Pharmacist {tag}");
        await admin.Field("Email").FillAsync($"pharmacist-{tag}@example.test");
        await admin.Field("First password").FillAsync("pharmacist-pass-2026");
        await admin.Button("Create account").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Created" })).ToContainTextAsync($"Created pharmacist account for pharmacist-{tag}@example.test");

        // The doctor's next page load sees the verification and renews the session to carry it.
        await doctor.ReloadAsync();
        await doctor.Field("Your answer").FillAsync("Looks like psoriasis; an emollient daily and a mild steroid cream for flares.");
        await doctor.Button("Post answer").ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = doctorName })).ToContainTextAsync("emollient");

        var pharmacist = await platform.NewPageAsync();
        await pharmacist.SignInAsync($"pharmacist-{tag}@example.test", "pharmacist-pass-2026");
        await Expect(pharmacist.Link("Pharmacy queue")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_opens_the_cluster_dashboard_from_the_users_page()
    {
        var admin = await platform.NewPageAsync();
        await admin.SignInAsync("admin@medplatform.test");
        await admin.Link("Users").ClickAsync();

        await admin.Button("Open the dashboard").ClickAsync();

        await admin.WaitForURLAsync("**/dashboard/");
        await Expect(admin).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Orleans", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_pharmacist_changes_a_price_and_receives_stock()
    {
        var page = await platform.NewPageAsync();
        await page.SignInAsync("pharmacist@medplatform.test");
        await page.Link("Products and stock").ClickAsync();
        await page.Field("Search products").FillAsync("cetirizine");
        await page.Button("Search").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cetirizine" }).First.ClickAsync();
        var stockText = await page.Locator("text=/\\d+ units in stock/").TextContentAsync();
        var stock = int.Parse(stockText!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var details = page.GetByRole(AriaRole.Form, new() { Name = "Price and details" });
        await page.Field("Price (€)").FillAsync("abc");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Field("Price (€)")).ToHaveAccessibleDescriptionAsync("Enter a price in euros, like 4.95.");
        await page.Field("Price (€)").FillAsync("3,75");
        await page.Field("Description").FillAsync("Non-drowsy antihistamine for hay fever and hives. One tablet a day.");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
        await Expect(page.Locator("h1 + .meta")).ToContainTextAsync("€3.75");
        await Expect(page.Field("Price (€)")).ToHaveValueAsync("3.75");

        await page.Field("Change by").FillAsync("25");
        await page.Field("Reason").FillAsync("Delivery from the wholesaler");
        await page.Button("Adjust stock").ClickAsync();
        await Expect(page.GetByText($"{stock + 25} units in stock.")).ToBeVisibleAsync();
        await Expect(page.Field("Change by")).ToHaveValueAsync("");
        await Expect(page.Field("Description")).ToHaveValueAsync("Non-drowsy antihistamine for hay fever and hives. One tablet a day.");
        await WebPlatform.ScreenshotAsync(page, "32-product-admin");

        var shopper = await platform.NewPageAsync();
        await shopper.GotoAsync(new Uri(page.Url).AbsolutePath.Replace("/admin/products/", "/medicines/", StringComparison.Ordinal));
        await Expect(shopper.Locator(".price")).ToHaveTextAsync("€3.75");
    }

    [Fact]
    public async Task A_pharmacist_describes_a_medicine_and_its_page_and_search_use_it_at_once()
    {
        var page = await platform.NewPageAsync();
        await page.SignInAsync("pharmacist@medplatform.test");
        await page.GotoAsync("/admin/products?q=loratadine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Loratadine" }).First.ClickAsync();
        var facts = page.GetByRole(AriaRole.Form, new() { Name = "What it is and what it is for" });
        var marker = "itchy" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + c % 26)).ToArray());

        await facts.GetByLabel("Leaflet: how to take it").FillAsync("");
        await facts.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(facts.GetByLabel("Leaflet: how to take it")).ToHaveAttributeAsync("aria-invalid", "true");
        await facts.GetByLabel("Leaflet: how to take it").FillAsync("One tablet a day.");
        var indications = facts.GetByLabel("Used for");
        await indications.FillAsync(await indications.InputValueAsync() + $", {marker}");
        await facts.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(facts.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        var shopper = await platform.NewPageAsync();
        await shopper.GotoAsync($"/medicines?q={marker}");
        await shopper.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Loratadine") }).ClickAsync();
        await Expect(shopper.Locator(".facts")).ToContainTextAsync(marker);
        await Expect(shopper.GetByRole(AriaRole.Region, new() { Name = "Leaflet in brief" })).ToContainTextAsync("One tablet a day.");
    }

    private static async Task<string> RefreshTokenAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>($"() => localStorage.getItem('{SessionKey}')");
        return JsonDocument.Parse(json).RootElement.GetProperty("refreshToken").GetString()!;
    }
}
