using MedPlatform.Common;
using MedPlatform.Orders;
using static MedPlatform.Grains.Tests.ForumActors;

namespace MedPlatform.Grains.Tests;

/// <summary>The address book keeps its own rules, whoever calls it: the Api's checks are not the only ones.</summary>
[Collection(nameof(GrainCluster))]
public sealed class AddressBookGrainTests(GrainTestCluster cluster)
{
    [Fact]
    public async Task An_address_with_an_empty_or_overlong_field_is_refused_and_the_book_is_unchanged()
    {
        var patient = await Patient(cluster);
        var book = cluster.Grains.GetGrain<IAddressBookGrain>(patient.UserId);
        var home = new SavedAddress("", " Pat ", " 1 Main Street ", "Berlin", "10115", "Germany", IsDefault: false);
        var saved = await book.Replace(patient, [home]);
        Assert.Equal(("Pat", "1 Main Street", true), (saved[0].Name, saved[0].Line1, saved[0].IsDefault));

        var refused = await Assert.ThrowsAsync<DomainException>(() => book.Replace(patient, [home with { City = " " }, home with { Country = new string('x', 61) }]));

        Assert.Equal(ProblemKind.Invalid, refused.Kind);
        Assert.Equal(["[0].city", "[1].country"], refused.Errors!.Keys.Order());
        Assert.Equal(saved, await book.List(patient));
        var stranger = await Patient(cluster);
        await Assert.ThrowsAsync<DomainException>(() => book.List(stranger));
    }
}
