using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>Every role has an account page where the password is changed; staff start at their work.</summary>
[Collection(nameof(WebPlatform))]
public sealed class AccountPageTests(WebPlatform platform)
{
    [Fact]
    public async Task A_patient_changes_the_password_from_the_account_page_and_signs_in_with_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"account-{tag}@example.test";
        var page = await platform.NewPageAsync(390, 844);
        await page.RegisterPatientAsync($"Account Patient {tag}", email);

        await page.Locator(".who").ClickAsync();
        await Expect(page.Heading("Your account")).ToBeVisibleAsync();
        await Expect(page.Locator(".facts")).ToContainTextAsync(email);
        await page.Field("Current password").FillAsync("not-the-password");
        await page.Field("New password").FillAsync("a-new-pass-2026");
        await page.Button("Change password").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await Expect(page.Field("Current password")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Field("Current password").FillAsync("patient-pass-2026");
        await page.Field("New password").FillAsync("a-new-pass-2026");
        await page.Button("Change password").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your password is changed" })).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(page, "42-account-password-changed");

        await page.Button("Sign out").ClickAsync();
        await page.SignInAsync(email, "a-new-pass-2026");
    }

    [Theory]
    [InlineData("pharmacist@medplatform.test", "Pharmacy queue")]
    [InlineData("admin@medplatform.test", "Users")]
    public async Task Staff_land_on_their_work_after_signing_in(string email, string heading)
    {
        var page = await platform.NewPageAsync();

        await page.SignInAsync(email);

        await Expect(page).ToHaveURLAsync(new Regex(heading == "Users" ? "/admin/users$" : "/pharmacy$"));
        await Expect(page.Heading(heading)).ToBeVisibleAsync();
    }
}
