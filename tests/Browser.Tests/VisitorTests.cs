using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

[Collection(nameof(WebPlatform))]
public sealed partial class VisitorTests(WebPlatform platform)
{
    [Fact]
    public async Task A_visitor_browses_the_forum_and_searches_questions()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page.Heading("Departments")).ToBeVisibleAsync();
        await Expect(page.Link("Dermatology")).ToBeVisibleAsync();
        await Expect(page.Locator("#latest-heading + ul li")).ToHaveCountAsync(5);
        await Expect(page.Locator("#featured-heading ~ ul li").First).ToBeVisibleAsync();
        await page.SettledAsync();
        await WebPlatform.ScreenshotAsync(page, "01-home");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Forum" }).ClickAsync();
        await Expect(page.Heading("Forum")).ToBeVisibleAsync();
        await page.Field("Search questions").FillAsync("cough");
        await page.Button("Search").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/forum\\?q=cough"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "matching" })).ToContainTextAsync("“cough”");
        await Expect(page.Link("Dry cough for three weeks after a cold")).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(page, "02-forum-search");

        // A department filter that has nothing about coughs shows the empty state, not an error.
        await page.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Eye care" });
        await page.Button("Search").ClickAsync();
        await Expect(page.GetByText("No questions match")).ToBeVisibleAsync();

        await page.GotoAsync("/forum?q=cough");
        await page.Link("Dry cough for three weeks after a cold").ClickAsync();
        await Expect(page.Heading("Dry cough for three weeks after a cold")).ToBeVisibleAsync();
        await Expect(page.GetByText("Accepted answer")).ToBeVisibleAsync();
        await Expect(page.GetByText("to answer or follow up")).ToBeVisibleAsync();
        await Expect(page.Button("Post answer")).ToHaveCountAsync(0);
        await WebPlatform.ScreenshotAsync(page, "03-thread-as-visitor");
    }

    [Fact]
    public async Task A_visitor_searches_the_catalog_filters_by_category_and_is_invited_to_sign_in_to_buy()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/medicines");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "medicines" })).ToContainTextAsync(MedicineCount());
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToContainTextAsync("Page 1 of");
        await page.Link("Next →").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToContainTextAsync("Page 2 of");

        await page.Field("Category").SelectOptionAsync(new SelectOptionValue { Label = "Pain & fever" });
        await page.Field("Search medicines").FillAsync("ibuprofen");
        await page.Button("Search").ClickAsync();
        await Expect(page.Link("Ibuprofen 400 mg")).ToBeVisibleAsync();
        await Expect(page.Link("Amoxicillin")).ToHaveCountAsync(0);
        await Expect(page.Link("Ibuprofen 200 mg")).ToBeVisibleAsync();
        await WebPlatform.ScreenshotAsync(page, "04-catalog-search");

        await page.Link("Ibuprofen 400 mg").ClickAsync();
        await Expect(page.Heading("Ibuprofen")).ToBeVisibleAsync();
        await Expect(page.Locator(".price")).ToHaveTextAsync(EuroAmount());
        await Expect(page.GetByText("to buy this medicine")).ToBeVisibleAsync();
        await Expect(page.Button("Put in cart")).ToHaveCountAsync(0);
        await WebPlatform.ScreenshotAsync(page, "05-product-as-visitor");

        // A controlled drug says plainly that it is not sold online.
        await page.GotoAsync("/medicines?q=codeine");
        await page.Link("Codeine phosphate").ClickAsync();
        await Expect(page.GetByText("It is never sold online")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Money_and_dates_follow_the_browser_locale_and_the_app_fits_a_phone()
    {
        var page = await platform.NewPageAsync(width: 390, height: 844, locale: "de-DE");
        await page.GotoAsync("/medicines?q=ibuprofen");
        await page.Link("Ibuprofen 400 mg").ClickAsync();
        // German: comma decimals and the sign after the amount.
        await Expect(page.Locator(".price")).ToHaveTextAsync(GermanEuroAmount());

        await page.GotoAsync("/forum");
        await Expect(page.Locator("time").First).ToHaveTextAsync(GermanDate());
        await page.SettledAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the forum page scrolls sideways at phone width");
        await WebPlatform.ScreenshotAsync(page, "06-forum-phone");
    }

    [Fact]
    public async Task Unknown_pages_say_so_and_user_text_is_shown_as_text()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/no/such/page");
        await Expect(page.Heading("Page not found")).ToBeVisibleAsync();

        await page.GotoAsync("/forum/threads/does-not-exist");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No such thread.");
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("Not Found");

        // A search term with markup comes back as the same characters, never as an element.
        await page.GotoAsync("/forum?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "matching" })).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Expect(page.Locator("main img")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^\\d+ medicines$")]
    private static partial Regex MedicineCount();

    [GeneratedRegex("^€\\d+\\.\\d\\d$")]
    private static partial Regex EuroAmount();

    [GeneratedRegex("^\\d+,\\d\\d\\s€$")]
    private static partial Regex GermanEuroAmount();

    [GeneratedRegex("^\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}$")]
    private static partial Regex GermanDate();
}
