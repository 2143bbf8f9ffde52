using System.Net;
using MedPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

[Collection(nameof(WebPlatform))]
public sealed class TwoFactorTests(WebPlatform platform)
{
    [Fact]
    public async Task A_new_pharmacist_is_taken_to_enrolment_then_signs_in_with_a_code_and_then_with_a_recovery_code()
    {
        var email = $"pharmacist-2fa-{Guid.NewGuid():N}@example.test";
        const string password = "pharmacist-pass-2026";
        var client = platform.NewApiClient();
        var admin = await client.LoginAsync("admin@medplatform.test", WebPlatform.DemoPassword);
        (await client.PostAsync("/api/admin/users", new { email, password, displayName = "Pat Pharmacist", role = "pharmacist" }, admin.AccessToken))
            .Expect(HttpStatusCode.Created);

        var page = await platform.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Field("Email").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Sign in").ClickAsync();
        // Nothing but enrolment until a second factor is set up, whatever page is asked for.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("must sign in with a second factor");
        await page.GotoAsync("/pharmacy");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/security$"));
        var recoveryCodes = await page.EnrolTwoFactorAsync(email, password);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        await Expect(page.Heading("Pharmacy queue")).ToBeVisibleAsync();

        await page.SignOutButton().ClickAsync();
        await page.SignInAsync(email, password);
        await Expect(page.Heading("Pharmacy queue")).ToBeVisibleAsync();

        await page.SignOutButton().ClickAsync();
        await page.GotoAsync("/sign-in");
        await page.Field("Email").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Sign in").ClickAsync();
        await page.Button("Lost your phone? Use a recovery code").ClickAsync();
        await page.Field("Recovery code").FillAsync(recoveryCodes[3]);
        await page.Button("Verify").ClickAsync();
        await Expect(page.Heading("Pharmacy queue")).ToBeVisibleAsync();
        var mail = Assert.Single(await platform.Mailbox.WaitForAsync(email, "A recovery code was used"));
        Assert.Contains("9 recovery codes are left", mail.TextBody, StringComparison.Ordinal);
    }
}
