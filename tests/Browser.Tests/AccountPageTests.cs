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

        await page.SignOutButton().ClickAsync();
        await page.SignInAsync(email, "a-new-pass-2026");
    }

    [Fact]
    public async Task The_security_page_lists_signed_in_devices_marks_this_one_and_signs_another_out()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"devices-{tag}@example.test";
        var phone = await platform.NewPageAsync(390, 844);
        await phone.RegisterPatientAsync($"Devices Patient {tag}", email);
        var laptop = await platform.NewPageAsync();
        await laptop.SignInAsync(email, "patient-pass-2026");

        await phone.GotoAsync("/account");
        await phone.Link("Security settings and signed-in devices").ClickAsync();
        var devices = phone.GetByRole(AriaRole.Region, new() { Name = "Signed-in devices" }).GetByRole(AriaRole.Listitem);
        await Expect(devices).ToHaveCountAsync(2);
        await Expect(devices.Filter(new() { HasText = "This device" })).ToHaveCountAsync(1);
        await WebPlatform.ScreenshotAsync(phone, "49-account-devices");

        var other = devices.Filter(new() { HasNotText = "This device" });
        await other.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign out ") }).ClickAsync();
        await Expect(devices).ToHaveCountAsync(1);
        await Expect(devices).ToContainTextAsync("This device");
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
