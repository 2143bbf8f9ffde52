using MedPlatform.Api.Orders;
using MedPlatform.Common;

namespace MedPlatform.Api.Tests;

/// <summary>How a pharmacist's search box reads an order number someone read out over the phone.</summary>
public sealed class OrderNumberReadingTests
{
    [Theory]
    [InlineData("MP-7F3K2Q", "MP-7F3K2Q")]
    [InlineData("mp 7f3k 2q", "MP-7F3K2Q")]
    [InlineData("7f3k2q", "MP-7F3K2Q")]
    [InlineData("7F3-K2Q", "MP-7F3K2Q")]
    [InlineData("ioL0oo", "MP-101000")]
    // A number that itself begins with MP, read without its prefix, is still that number.
    [InlineData("mp4k2q", "MP-MP4K2Q")]
    [InlineData("MP-MP4K2Q", "MP-MP4K2Q")]
    public void A_number_read_loosely_is_the_number_meant(string typed, string meant) =>
        Assert.Equal(meant, OrderValidation.OrderNumber(typed));

    [Theory]
    [InlineData("MP-12")]
    [InlineData("MP-7F3K2QX")]
    [InlineData("MP-7F3K2U")]
    [InlineData("MP-7F3K2!")]
    public void Anything_else_is_refused_with_the_field_named(string typed)
    {
        var refusal = Assert.Throws<DomainException>(() => OrderValidation.OrderNumber(typed));
        Assert.Contains("number", refusal.Errors!.Keys);
    }

    [Fact]
    public void No_number_is_no_filter() => Assert.Null(OrderValidation.OrderNumber("  "));
}
