using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>Confirming an address and resetting a forgotten password in the browser, with the links read from the mail the platform wrote.</summary>
[Collection(nameof(WebPlatform))]
public sealed class AccountRecoveryTests(WebPlatform platform)
{
    [Fact]
    public async Task A_new_patient_is_asked_to_confirm_gets_a_new_link_and_once_confirmed_can_ask()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"confirm-{tag}@example.test";
        var page = await platform.NewPageAsync(390, 844);
        await page.RegisterPatientAsync($"Confirming Patient {tag}", email, confirmEmail: false);

        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Confirm your email address" });
        await Expect(banner).ToContainTextAsync($"open the link we mailed to {email}");
        await page.Button("Send a new link").ClickAsync();
        await Expect(banner.GetByRole(AriaRole.Status)).ToContainTextAsync("A new link is on its way");
        await Poll.UntilAsync(async () => (await platform.Mailbox.WaitForAsync(email, ApiClient.ConfirmationSubject)).Count == 2,
            TimeSpan.FromSeconds(20), "the second confirmation mail");

        await page.FollowMailedLinkAsync(email, ApiClient.ConfirmationSubject, "is confirmed");
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal); // taken off the address bar
        await page.Link("Go on to MedPlatform").ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);

        await page.GotoAsync("/forum/ask");
        await page.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Dermatology" });
        await page.Field("Question").FillAsync("A rash that keeps coming back");
        await page.Field("Details").FillAsync("A red itchy rash on my wrists comes back every spring. What could it be?");
        await page.Button("Post question").ClickAsync();
        await Expect(page.Heading("A rash that keeps coming back")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_the_old_session_is_over()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"forgot-{tag}@example.test";
        var phone = await platform.NewPageAsync(390, 844);
        await phone.RegisterPatientAsync($"Forgetful Patient {tag}", email);
        var oldRefreshToken = JsonNode.Parse(await phone.EvaluateAsync<string>("localStorage.getItem('medplatform.session')"))!["refreshToken"]!.GetValue<string>();

        var page = await platform.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.Link("Forgot your password?").ClickAsync();
        await page.Field("Email").FillAsync(email);
        await page.Button("Send the link").ClickAsync();
        await Expect(page.Heading("Look in your inbox")).ToBeVisibleAsync();

        await page.FollowMailedLinkAsync(email, "Reset your MedPlatform password");
        await Expect(page.Heading("Choose a new password")).ToBeVisibleAsync();
        await page.Field("New password").FillAsync("remembered-at-last-2026");
        await page.Field("New password again").FillAsync("remembered-at-lsat-2026");
        await page.Button("Save the new password").ClickAsync();
        await Expect(page.GetByText("The two passwords are not the same.")).ToBeVisibleAsync();
        await page.Field("New password again").FillAsync("remembered-at-last-2026");
        await page.Button("Save the new password").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your new password is saved" })).ToBeVisibleAsync();
        await page.Field("Email").FillAsync(email);
        await page.Field("Password").FillAsync("remembered-at-last-2026");
        await page.Button("Sign in").ClickAsync();
        await Expect(page.SignOutButton()).ToBeVisibleAsync();

        // The phone's session ended with the reset: its refresh token is refused.
        using var http = platform.NewHttpClient();
        using var refresh = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = oldRefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        await platform.Mailbox.WaitForAsync(email, "password was changed");

        // The link worked once.
        var again = await platform.NewPageAsync();
        await again.FollowMailedLinkAsync(email, "Reset your MedPlatform password");
        await again.Field("New password").FillAsync("a-second-go-2026");
        await again.Field("New password again").FillAsync("a-second-go-2026");
        await again.Button("Save the new password").ClickAsync();
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link is not valid");
        await Expect(again.Link("Ask for a new link")).ToBeVisibleAsync();
    }
}
