using System.Text.RegularExpressions;
using MedPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>The bell, the notification centre and its settings, as a patient with a tab open sees them.</summary>
[Collection(nameof(WebPlatform))]
public sealed partial class NotificationTests(WebPlatform platform)
{
    [Fact]
    public async Task A_doctors_answer_rings_the_bell_in_the_askers_open_tab_and_mails_her_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"bell-{tag}@example.test";
        var title = $"Sore throat for a week {tag}";
        var patient = await platform.NewPageAsync(390, 844);
        await patient.RegisterPatientAsync($"Bell Patient {tag}", email);
        await patient.GotoAsync("/forum/ask");
        await patient.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Ear, nose & throat" });
        await patient.Field("Question").FillAsync(title);
        await patient.Field("Details").FillAsync("My throat has hurt for a week, worse when swallowing. No fever.");
        await patient.Button("Post question").ClickAsync();
        await Expect(patient.Heading(title)).ToBeVisibleAsync();
        var threadPath = new Uri(patient.Url).AbsolutePath;
        await patient.GotoAsync("/medicines"); // she browses on; the tab stays open
        var bell = patient.GetByRole(AriaRole.Link, new() { NameRegex = BellName() });
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications");

        var doctor = await platform.NewPageAsync();
        await doctor.SignInAsync("dr.chen@medplatform.test");
        await doctor.GotoAsync(threadPath);
        await doctor.Field("Your answer").FillAsync("Most sore throats clear within ten days. Salt-water gargles help; see a GP if it lasts longer.");
        await doctor.Button("Post answer").ClickAsync();

        // No reload: the server's event rings the bell and says so to screen readers.
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications, 1 unread");
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "New notification (1 unread): A doctor answered your question" })).ToHaveCountAsync(1);
        // A second tab of hers, open on the catalog.
        var otherTab = await patient.Context.NewPageAsync();
        await otherTab.GotoAsync("/medicines");
        var otherBell = otherTab.GetByRole(AriaRole.Link, new() { NameRegex = BellName() });
        await Expect(otherBell).ToHaveAccessibleNameAsync("Notifications, 1 unread");
        await bell.ClickAsync();
        await patient.Button("Unread: A doctor answered your question").ClickAsync();
        await Expect(patient.Heading(title)).ToBeVisibleAsync();
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications");
        // Read in one tab, read in the other, without a reload.
        await Expect(otherBell).ToHaveAccessibleNameAsync("Notifications");

        var mail = Assert.Single(await platform.Mailbox.WaitForAsync(email, "A doctor answered your question"));
        await Task.Delay(1000);
        Assert.Single(await platform.Mailbox.WaitForAsync(email, "A doctor answered your question"));
        Assert.Contains(threadPath, mail.TextBody, StringComparison.Ordinal);

        // She stops the mail of that kind from the account page.
        await patient.GotoAsync("/account");
        await patient.Field("A doctor answered my question: by email").UncheckAsync();
        await patient.Button("Save notification settings").ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();
        await patient.ReloadAsync();
        await Expect(patient.Field("A doctor answered my question: by email")).Not.ToBeCheckedAsync();
        await Expect(patient.Field("A doctor answered my question: in the app")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_unsubscribe_link_of_a_mail_stops_that_kind_without_signing_in()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"unsubscribe-{tag}@example.test";
        var patient = await platform.NewPageAsync();
        await patient.RegisterPatientAsync($"Unsubscribing Patient {tag}", email);
        await patient.GotoAsync("/forum/ask");
        await patient.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Dermatology" });
        await patient.Field("Question").FillAsync($"Dry skin on my hands {tag}");
        await patient.Field("Details").FillAsync("The skin on my hands cracks in winter. Which cream helps?");
        await patient.Button("Post question").ClickAsync();
        await Expect(patient.Heading($"Dry skin on my hands {tag}")).ToBeVisibleAsync();
        var threadPath = new Uri(patient.Url).AbsolutePath;

        var doctor = await platform.NewPageAsync();
        await doctor.SignInAsync("dr.okafor@medplatform.test");
        await doctor.GotoAsync(threadPath);
        await doctor.Field("Your answer").FillAsync("A thick unscented emollient several times a day, and gloves outdoors.");
        await doctor.Button("Post answer").ClickAsync();

        var reader = await platform.NewPageAsync(390, 844); // another device, not signed in
        await reader.FollowMailedLinkAsync(email, "A doctor answered your question", "You will get no more mail for “A doctor answered my question”");
        await patient.GotoAsync("/account");
        await Expect(patient.Field("A doctor answered my question: by email")).Not.ToBeCheckedAsync();
    }

    [GeneratedRegex("^Notifications")]
    private static partial Regex BellName();
}
