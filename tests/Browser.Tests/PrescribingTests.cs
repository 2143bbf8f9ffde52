using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>A doctor prescribes to a patient they know, found by the email the patient gave them and then by name, at phone width.</summary>
[Collection(nameof(WebPlatform))]
public sealed class PrescribingTests(WebPlatform platform)
{
    [Fact]
    public async Task A_doctor_finds_a_patient_by_email_prescribes_and_the_issued_list_names_the_patient()
    {
        var email = $"nadia-{Guid.NewGuid():N}@medplatform.test";
        var patient = await platform.NewPageAsync(390, 844);
        await patient.RegisterPatientAsync("Nadia Named", email);
        var doctor = await platform.NewPageAsync(390, 844);
        await doctor.SignInAsync("dr.chen@medplatform.test");

        await doctor.GotoAsync("/prescriptions/new");
        await doctor.Field("Patient's email or name").FillAsync($"nobody-{Guid.NewGuid():N}@medplatform.test");
        await doctor.Button("Find patient").ClickAsync();
        await Expect(doctor.GetByText("No patient has an account with this email address.")).ToBeVisibleAsync();

        await doctor.Field("Patient's email or name").FillAsync(email.ToUpperInvariant());
        await doctor.Button("Find patient").ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Prescribing for" })).ToContainTextAsync("Nadia Named");
        await doctor.Field("Find a medicine").FillAsync("amoxicillin");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await doctor.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Add Amoxicillin") }).First.ClickAsync();
        await WebPlatform.ScreenshotAsync(doctor, "40-prescribe-by-email");
        await doctor.Button("Issue prescription").ClickAsync();

        await Expect(doctor.Heading("Issued prescriptions")).ToBeVisibleAsync();
        await Expect(doctor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "For Nadia Named" }).First).ToContainTextAsync("Amoxicillin");
        await patient.GotoAsync("/prescriptions");
        await Expect(patient.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Amoxicillin" }).First).ToBeVisibleAsync();

        // Next time she is one of his patients: found by name, without her address.
        await doctor.GotoAsync("/prescriptions/new");
        await doctor.Field("Patient's email or name").FillAsync("nadia named");
        await doctor.Button("Find patient").ClickAsync();
        await doctor.Button("Prescribe for Nadia Named").First.ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Prescribing for" })).ToContainTextAsync("Nadia Named");
    }
}
