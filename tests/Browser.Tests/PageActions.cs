using MedPlatform.TestSupport;
using System.Text.RegularExpressions;

namespace MedPlatform.Browser.Tests;

/// <summary>What people do in the app, step by step, found the way a screen reader would: by role and label.</summary>
public static partial class PageActions
{
    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary>The header's own button: the account page also lists devices to sign out ("Sign out Firefox on Android").</summary>
    public static ILocator SignOutButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    public static ILocator Link(this IPage page, string name, bool exact = false) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });

    public static ILocator Heading(this IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    public static ILocator Field(this IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>A link of the main navigation, found as a person would: on a phone it is behind the Menu button, which is opened first.</summary>
    public static async Task<ILocator> NavLinkAsync(this IPage page, Regex name)
    {
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("aria-expanded") == "false")
            await menu.ClickAsync();
        return page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = name });
    }

    /// <summary>Waits until the page has drawn its heading and no part of it is still loading.</summary>
    public static async Task SettledAsync(this IPage page)
    {
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".loading")).ToHaveCountAsync(0);
    }

    public const string CodeField = "Code from your authenticator app";

    /// <summary>
    /// Signs in as a person would: the password, then, with two-factor on, a code from the account's
    /// authenticator (the test's). Staff who have not enrolled yet are taken to enrolment by the app,
    /// and enrol there, reading the secret from the page.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password = WebPlatform.DemoPassword)
    {
        await page.GotoAsync("/sign-in");
        await page.Field("Email").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Sign in").ClickAsync();
        var code = page.Field(CodeField);
        await Assertions.Expect(code.Or(page.SignOutButton())).ToBeVisibleAsync();
        if (await code.IsVisibleAsync())
        {
            var phone = WebPlatform.Of(page).Authenticators.Of(email)
                ?? throw new InvalidOperationException($"{email} has two-factor on, but no test on this platform enrolled it.");
            await code.FillAsync(phone.FreshCode() ?? phone.CodeOfNextStep() ?? await phone.NextCodeAsync());
            await page.Button("Verify").ClickAsync();
            await Assertions.Expect(page.SignOutButton()).ToBeVisibleAsync();
            return;
        }
        // Staff without a second factor are sent on to enrolment as the sign-in completes: the
        // session the app stored says whether this account is one of them.
        var mustEnrol = await page.EvaluateAsync<bool>("""
            () => {
              const user = JSON.parse(localStorage.getItem('medplatform.session')).user;
              return (user.role === 'admin' || user.role === 'pharmacist') && !user.twoFactorEnabled;
            }
            """);
        if (mustEnrol)
            await page.EnrolTwoFactorAsync(email, password);
    }

    /// <summary>Sets up two-factor sign-in on the security page: the secret read from the page, a code computed from it; answers the recovery codes.</summary>
    public static async Task<IReadOnlyList<string>> EnrolTwoFactorAsync(this IPage page, string email, string password)
    {
        await page.Button("Set up two-factor sign-in").ClickAsync();
        var secret = (await page.GetByLabel("Secret key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var phone = WebPlatform.Of(page).Authenticators.Add(email, secret, []);
        await page.Field("Password").FillAsync(password);
        await page.Field(CodeField).FillAsync(phone.FreshCode()!);
        await page.Button("Turn on two-factor sign-in").ClickAsync();
        var list = page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(list).ToHaveCountAsync(10);
        var codes = await list.AllInnerTextsAsync();
        phone.RecoveryCodesSaved(codes);
        await page.Button("I have saved my codes").ClickAsync();
        return codes;
    }

    public static async Task RegisterPatientAsync(this IPage page, string name, string email, string password = "patient-pass-2026", bool confirmEmail = true)
    {
        await page.GotoAsync("/register");
        await page.Field("Patient").CheckAsync();
        await page.Field("Name shown to others").FillAsync(name);
        await page.Field("Email").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Create account").ClickAsync();
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync(name);
        if (confirmEmail)
            await page.FollowMailedLinkAsync(email, ApiClient.ConfirmationSubject, "is confirmed");
    }

    /// <summary>Opens the newest link with a token mailed to <paramref name="email"/>, as its reader would, and waits for <paramref name="outcome"/>.</summary>
    public static async Task FollowMailedLinkAsync(this IPage page, string email, string subject, string? outcome = null)
    {
        MimeKit.MimeMessage? mail = null;
        await Poll.UntilAsync(async () =>
        {
            foreach (var mailbox in WebPlatform.Mailboxes)
                mail = (await mailbox.ReceivedAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                    .OrderBy(m => m.Date).LastOrDefault() ?? mail;
            return mail is not null;
        }, TimeSpan.FromSeconds(20), $"\"{subject}\" mailed to {email}");
        await page.GotoAsync(mail!.Link());
        if (outcome is not null)
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = outcome })).ToBeVisibleAsync();
    }

    /// <summary>Finds a medicine in the catalog ("Ibuprofen 400 mg": name and strength) and puts a quantity in the cart.</summary>
    public static async Task PutInCartAsync(this IPage page, string search, string productName, string strength, int quantity = 1)
    {
        await page.GotoAsync("/medicines");
        await page.Field("Search medicines").FillAsync(search);
        await page.Button("Search").ClickAsync();
        await page.Link($"{productName} {strength}").ClickAsync();
        await Assertions.Expect(page.Heading(productName)).ToBeVisibleAsync();
        await page.Field("Quantity").FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Button("Put in cart").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "In your cart" })).ToContainTextAsync($"{quantity} × {productName}");
    }

    public static async Task FillCheckoutAsync(this IPage page, string name, string cardNumber, string expiry = "12/30", string cvc = "123")
    {
        await page.Field("Full name").FillAsync(name);
        await page.Field("Street and number").FillAsync("12 Harbour Street");
        await page.Field("City").FillAsync("Hamburg");
        await page.Field("Postal code").FillAsync("20095");
        await page.Field("Country").FillAsync("Germany");
        await page.Field("Card number").FillAsync(cardNumber);
        await page.Field("Expiry (MM/YY)").FillAsync(expiry);
        await page.Field("Security code").FillAsync(cvc);
    }

    public static ILocator PayButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { NameRegex = PayPattern() });

    /// <summary>
    /// Pays, sees the confirmation page, and follows its link to the order's own page, which tracks
    /// it live. The order number the confirmation showed.
    /// </summary>
    public static async Task<string> PayAndTrackAsync(this IPage page)
    {
        await page.PayButton().ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(ReceivedPath());
        var number = page.Locator(".order-number strong");
        await Microsoft.Playwright.Assertions.Expect(number).ToHaveTextAsync(OrderNumberPattern());
        var shown = (await number.TextContentAsync())!;
        await page.Link("Track this order").ClickAsync();
        return shown;
    }

    /// <summary>The order id from an order page's address.</summary>
    public static string OrderId(this IPage page) => OrderPath().Match(page.Url).Groups[1].Value;

    [GeneratedRegex("^Pay ")]
    private static partial Regex PayPattern();

    [GeneratedRegex("/orders/[0-9a-f]+/received$")]
    private static partial Regex ReceivedPath();

    [GeneratedRegex("^MP-[0-9A-HJKMNP-TV-Z]{6}$")]
    public static partial Regex OrderNumberPattern();

    [GeneratedRegex("/orders/([^/?#]+)")]
    private static partial Regex OrderPath();
}
