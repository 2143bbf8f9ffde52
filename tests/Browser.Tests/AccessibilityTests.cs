using System.Text.Json;
using MedPlatform.TestSupport;

namespace MedPlatform.Browser.Tests;

/// <summary>
/// axe-core (the npm package the web app's build installs) run in the browser over the main
/// pages of every role, at desktop and phone width. Serious and critical findings fail, and so
/// does a page that scrolls sideways.
/// </summary>
[Collection(nameof(WebPlatform))]
public sealed class AccessibilityTests(WebPlatform platform)
{
    private static readonly string AxeSource = File.ReadAllText(Path.Combine(RepoLayout.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js"));

    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }
        """;

    [Fact]
    public async Task Public_pages_have_no_serious_accessibility_violations()
    {
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await platform.NewPageAsync(width, height);
            await CheckAsync(page, problems, "/", "/forum", "/forum?q=fever", "/medicines", "/medicines?category=allergy", "/sign-in", "/register", "/no-such-page");
            await page.GotoAsync("/forum?q=cough");
            await page.Link("Dry cough for three weeks after a cold").ClickAsync();
            await CheckCurrentAsync(page, problems);
            await page.GotoAsync("/medicines?q=ibuprofen");
            await page.Link("Ibuprofen 400 mg").ClickAsync();
            await CheckCurrentAsync(page, problems);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Signed_in_pages_of_every_role_have_no_serious_accessibility_violations()
    {
        var problems = new List<string>();

        // Patients shop on their phones: their pages are checked at phone width.
        var patient = await platform.NewPageAsync(390, 844);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await patient.RegisterPatientAsync($"Accessible Patient {tag}", $"a11y-{tag}@example.test");
        await CheckAsync(patient, problems, "/forum/ask", "/prescriptions", "/orders", "/cart");
        await patient.PutInCartAsync("paracetamol", "Paracetamol", "500 mg");
        await CheckAsync(patient, problems, "/cart", "/checkout");
        await patient.PayButton().ClickAsync(); // the empty form: pages with field errors must pass too
        await Assertions.Expect(patient.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckCurrentAsync(patient, problems);
        // A declined card, then the confirmation, the order's page, the lists and the account.
        await patient.FillCheckoutAsync($"Accessible Patient {tag}", "4000 0000 0000 0002");
        await patient.PayButton().ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Alert)).ToContainTextAsync("declined");
        await CheckCurrentAsync(patient, problems);
        await patient.Field("Card number").FillAsync("4242 4242 4242 4242");
        await patient.Field("Security code").FillAsync("123");
        await patient.PayButton().ClickAsync();
        await Assertions.Expect(patient.Heading("Thank you, your order is received")).ToBeVisibleAsync();
        await CheckCurrentAsync(patient, problems);
        await patient.Link("Track this order").ClickAsync();
        await CheckCurrentAsync(patient, problems);
        await CheckAsync(patient, problems, "/orders", "/account", "/account/privacy", "/account/access-log", "/account/security");
        await patient.Button("Set up two-factor sign-in").ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code") })).ToBeVisibleAsync();
        await CheckCurrentAsync(patient, problems);
        await patient.GotoAsync("/medicines?q=amoxicillin");
        await patient.Link("Amoxicillin").ClickAsync();
        await CheckCurrentAsync(patient, problems);

        var doctor = await platform.NewPageAsync();
        await doctor.SignInAsync("dr.chen@medplatform.test");
        await CheckAsync(doctor, problems, "/forum?mine=true", "/prescriptions", "/prescriptions/new");
        await doctor.GotoAsync("/forum?q=elbows");
        await doctor.Link("Itchy red patches on both elbows").ClickAsync();
        await CheckCurrentAsync(doctor, problems);

        var pharmacist = await platform.NewPageAsync();
        await pharmacist.SignInAsync("pharmacist@medplatform.test");
        await CheckAsync(pharmacist, problems, "/pharmacy", "/pharmacy?status=readyToShip", "/admin/products");
        await pharmacist.Link("Amoxicillin").First.ClickAsync();
        await CheckCurrentAsync(pharmacist, problems);

        var admin = await platform.NewPageAsync();
        await admin.SignInAsync("admin@medplatform.test");
        await CheckAsync(admin, problems, "/admin/users", "/admin/users?role=doctor", "/account/security");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task CheckAsync(IPage page, List<string> problems, params string[] paths)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await CheckCurrentAsync(page, problems);
        }
    }

    private static async Task CheckCurrentAsync(IPage page, List<string> problems)
    {
        await page.SettledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToBeEmptyAsync();
        // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids injected scripts.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.EvaluateAsync(AxeSource);
        var found = await page.EvaluateAsync<JsonElement>(RunAxe);
        var width = page.ViewportSize?.Width;
        var where = $"{new Uri(page.Url).PathAndQuery} ({width}px)";
        problems.AddRange(found.EnumerateArray().Select(v => $"{where}: {v.GetString()}"));
        // Wide content scrolls inside its own box (tables); the page itself never scrolls sideways.
        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"))
            problems.Add($"{where}: the page scrolls sideways");
    }
}
