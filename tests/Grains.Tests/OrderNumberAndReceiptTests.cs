using MedPlatform.Orders;
using MedPlatform.Storage;

namespace MedPlatform.Grains.Tests;

/// <summary>Order numbers are unique through the order service's table; receipts and delivery windows are computed as promised.</summary>
[Collection(nameof(GrainCluster))]
public sealed class OrderNumberAndReceiptTests(GrainTestCluster cluster)
{
    [Fact]
    public async Task An_order_keeps_its_number_and_a_number_another_order_holds_is_passed_over()
    {
        var numbers = new OrderNumbers(cluster.OrdersDatabase);
        var order = Guid.NewGuid().ToString("N");
        var squatted = Guid.NewGuid().ToString("N");
        // Another order already holds the first number this one would draw.
        await cluster.OrdersDatabase.ExecuteAsync("INSERT INTO order_numbers (number, order_id) VALUES (@n, @o);",
            c => c.Bind("n", OrderNumbers.Candidate(squatted, 0)).Bind("o", squatted + "-other"));

        var first = await numbers.Claim(order);
        var again = await numbers.Claim(order);
        var passedOver = await numbers.Claim(squatted);

        Assert.Equal(first, again);
        Assert.Equal(OrderNumbers.Candidate(order, 0), first);
        Assert.Equal(OrderNumbers.Candidate(squatted, 1), passedOver);
        Assert.Matches("^MP-[0-9A-HJKMNP-TV-Z]{6}$", first);
    }

    [Fact]
    public async Task Orders_that_all_draw_the_same_numbers_at_once_still_each_get_their_own_and_keep_it()
    {
        // Every order's candidates are the same sequence here, so twenty claims at once all collide.
        var numbers = new CollidingOrderNumbers(cluster.OrdersDatabase, Guid.NewGuid().ToString("N")[..4].ToUpperInvariant());
        var orders = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString("N")).ToList();

        var claimed = await Task.WhenAll(orders.Select(numbers.Claim));
        var again = await Task.WhenAll(orders.Select(numbers.Claim));

        Assert.Equal(orders.Count, claimed.Distinct().Count());
        Assert.Equal(claimed, again);
        Assert.Equal(Enumerable.Range(0, 20).Select(numbers.Number).Order(), claimed.Order());
    }

    private sealed class CollidingOrderNumbers(SqlDatabase database, string run) : OrderNumbers(database)
    {
        public string Number(int n) => $"MP-{run}{n:D2}";

        protected override string CandidateFor(string orderId, int n) => Number(n);
    }

    [Theory]
    [InlineData(1198, 20, 200)]   // 1.9967 → 2.00
    [InlineData(999, 20, 167)]    // 1.665 → 1.67 (half away from zero)
    [InlineData(1000, 0, 0)]
    [InlineData(1070, 7, 70)]
    public void The_vat_a_total_includes_is_rounded_to_the_cent(long total, int rate, long vat) =>
        Assert.Equal(vat, OrderReceipt.VatIncluded(total, rate));

    [Theory]
    [InlineData("2026-11-27", false, "2026-12-01", "2026-12-03")] // a Friday: the weekend is not counted
    [InlineData("2026-11-30", false, "2026-12-02", "2026-12-04")] // a Monday
    [InlineData("2026-11-30", true, "2026-12-03", "2026-12-07")]  // a pharmacist's review adds a working day
    [InlineData("2026-11-28", false, "2026-12-01", "2026-12-03")] // a Saturday
    [InlineData("2026-11-29T23:30:00Z", false, "2026-12-02", "2026-12-04")] // Sunday night in UTC is Monday in Berlin
    public void The_delivery_window_counts_working_days_from_the_day_of_the_order(string placed, bool review, string earliest, string latest)
    {
        var at = placed.Contains('T', StringComparison.Ordinal) ? placed : placed + "T10:00:00Z";
        var estimate = OrderReceipt.Estimate(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), new OrderOptions(), review);

        Assert.Equal(new DeliveryEstimate(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)), estimate);
    }
}
