namespace MedPlatform.Orders;

/// <summary>The figures an order's receipt and confirmation show, from what the order saved when it was placed.</summary>
public static class OrderReceipt
{
    /// <summary>The VAT inside a price that includes it, to the nearest cent: total × rate / (100 + rate).</summary>
    public static long VatIncluded(long totalCents, decimal ratePercent) =>
        (long)Math.Round(totalCents * ratePercent / (100m + ratePercent), MidpointRounding.AwayFromZero);

    /// <summary>
    /// The delivery window promised at placement: the carrier's working days from the day the order was
    /// placed (in the pharmacy's time zone), plus the review's when a pharmacist checks prescriptions
    /// first. Weekends are not working days; public holidays are not known here.
    /// </summary>
    public static DeliveryEstimate Estimate(DateTimeOffset placedAt, OrderOptions options, bool needsReview)
    {
        var start = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(placedAt, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);
        var review = needsReview ? options.ReviewWorkingDays : 0;
        return new DeliveryEstimate(
            AddWorkingDays(start, options.DeliveryWorkingDaysMin + review),
            AddWorkingDays(start, options.DeliveryWorkingDaysMax + review));
    }

    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days--;
        }
        return day;
    }
}
