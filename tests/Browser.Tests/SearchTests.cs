using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>Search that finds what people mean, filters that apply as they change, and product pages that say what a medicine is.</summary>
[Collection(nameof(WebPlatform))]
public sealed partial class SearchTests(WebPlatform platform)
{
    [Fact]
    public async Task A_visitor_finds_medicines_by_complaint_brand_and_typo_and_a_category_applies_as_it_is_chosen()
    {
        var page = await platform.NewPageAsync(390, 844);
        await page.GotoAsync("/medicines");

        await SearchAsync(page, "Search medicines", "headache");
        var cards = page.Locator(".product-cards .card-title");
        foreach (var name in new[] { "Paracetamol", "Ibuprofen", "Aspirin" })
            await Expect(cards.Filter(new() { HasText = name }).First).ToBeVisibleAsync();

        await SearchAsync(page, "Search medicines", "Nurofen");
        await Expect(cards.First).ToContainTextAsync("Ibuprofen");

        await SearchAsync(page, "Search medicines", "paracetmol");
        await Expect(cards.First).ToContainTextAsync("Paracetamol");

        // A category applies as soon as it is picked, with no Search to press.
        await SearchAsync(page, "Search medicines", "");
        await page.Field("Category").SelectOptionAsync(new SelectOptionValue { Label = "Allergy" });
        await Expect(page).ToHaveURLAsync(new Regex("category=allergy"));
        await Expect(cards).ToHaveCountAsync(5);
        await Expect(cards.Filter(new() { HasText = "Cetirizine" })).ToHaveCountAsync(1);
        await WebPlatform.ScreenshotAsync(page, "47-catalog-category-applied");
    }

    [Fact]
    public async Task The_forum_search_forgives_word_forms_and_searches_answers_and_a_department_applies_as_it_is_chosen()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/forum");

        await SearchAsync(page, "Search questions", "coughing");
        await Expect(page.Link("Dry cough for three weeks after a cold")).ToBeVisibleAsync();

        // "caffeine" is only in a doctor's answer.
        await SearchAsync(page, "Search questions", "caffeine");
        await Expect(page.Link("Trouble sleeping since starting a new job")).ToBeVisibleAsync();

        await SearchAsync(page, "Search questions", "");
        await page.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Dermatology" });
        await Expect(page).ToHaveURLAsync(new Regex("department=dermatology"));
        await Expect(page.Link("Itchy red patches on both elbows that come and go")).ToBeVisibleAsync();
        await Expect(page.Link("Dry cough for three weeks after a cold")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_product_page_shows_its_ingredients_brand_names_uses_and_leaflet()
    {
        var page = await platform.NewPageAsync(390, 844);
        await page.GotoAsync("/medicines?q=ibuprofen");
        await page.Link("Ibuprofen 200 mg").ClickAsync();

        var facts = page.Locator(".facts");
        await Expect(facts).ToContainTextAsync("Active ingredient");
        await Expect(facts).ToContainTextAsync("ibuprofen");
        await Expect(facts).ToContainTextAsync("Nurofen");
        await Expect(facts).ToContainTextAsync("headache");
        var leaflet = page.GetByRole(AriaRole.Region, new() { Name = "Leaflet in brief" });
        await Expect(leaflet.GetByRole(AriaRole.Heading, new() { Name = "How to take it" })).ToBeVisibleAsync();
        await Expect(leaflet).ToContainTextAsync("stomach ulcer");
        await WebPlatform.ScreenshotAsync(page, "48-product-leaflet");
    }

    private static async Task SearchAsync(IPage page, string label, string text)
    {
        await page.Field(label).FillAsync(text);
        await page.Button("Search").ClickAsync();
        if (text.Length > 0)
            await Expect(page).ToHaveURLAsync(new Regex($"q={Regex.Escape(Uri.EscapeDataString(text))}"));
        await page.SettledAsync();
    }
}
