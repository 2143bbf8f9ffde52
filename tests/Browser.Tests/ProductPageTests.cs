using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MedPlatform.Browser.Tests;

/// <summary>A product page shows the pack, and a visitor on a prescription-only medicine learns how to get one.</summary>
[Collection(nameof(WebPlatform))]
public sealed class ProductPageTests(WebPlatform platform)
{
    [Fact]
    public async Task A_visitor_on_a_prescription_medicine_sees_its_pack_and_how_to_get_a_prescription()
    {
        var page = await platform.NewPageAsync(390, 844);
        await page.GotoAsync("/medicines?q=amoxicillin");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Amoxicillin") }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Picture of a box" })).ToBeVisibleAsync();
        await Expect(page.GetByText("This medicine needs a prescription from a verified doctor.")).ToBeVisibleAsync();
        await page.Link("Ask one in the forum").ClickAsync();
        await Expect(page.Heading("Forum")).ToBeVisibleAsync();

        await page.GotoAsync("/medicines?q=salbutamol");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Salbutamol") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Picture of an inhaler" })).ToBeVisibleAsync();
    }
}
