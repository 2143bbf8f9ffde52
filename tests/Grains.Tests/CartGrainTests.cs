using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Mall;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;
using static MedPlatform.Grains.Tests.MallActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class CartGrainTests(GrainTestCluster cluster)
{
    private ICartGrain CartOf(Caller patient) => cluster.Grains.GetGrain<ICartGrain>(patient.UserId);

    [Fact]
    public async Task Lines_are_priced_from_the_catalog_and_follow_price_changes()
    {
        var patient = await Patient(cluster);
        var (product, view) = await Product(cluster, Otc(priceCents: 450));

        var cart = await CartOf(patient).SetLine(patient, view.Id, 2, null);
        Assert.Equal((450, 900), (cart.Items.Single().UnitPriceCents, cart.TotalCents));

        await product.Update(await Staff(cluster, Role.Pharmacist), new ProductChanges(500, null, null, null, null));

        Assert.Equal(1000, (await CartOf(patient).View(patient)).TotalCents);
    }

    [Fact]
    public async Task A_controlled_drug_never_enters_a_cart()
    {
        var patient = await Patient(cluster);
        var (_, product) = await Product(cluster, ControlledDrug());

        await Refused(ProblemKind.Unprocessable, () => CartOf(patient).SetLine(patient, product.Id, 1, null));

        Assert.Empty((await CartOf(patient).View(patient)).Items);
    }

    [Fact]
    public async Task A_prescription_medicine_needs_the_patients_own_covering_prescription()
    {
        var patient = await Patient(cluster);
        var other = await Patient(cluster);
        var doctor = await Doctor(cluster);
        var (_, product) = await Product(cluster, Rx());
        var mine = await Prescribe(cluster, doctor, patient, product.Id, quantity: 2);
        var theirs = await Prescribe(cluster, doctor, other, product.Id, quantity: 2);

        await Refused(ProblemKind.Unprocessable, () => CartOf(patient).SetLine(patient, product.Id, 1, null));
        await Refused(ProblemKind.NotFound, () => CartOf(patient).SetLine(patient, product.Id, 1, theirs.Id));
        await Refused(ProblemKind.Unprocessable, () => CartOf(patient).SetLine(patient, product.Id, 3, mine.Id));
        var cart = await CartOf(patient).SetLine(patient, product.Id, 2, mine.Id);

        Assert.Equal(mine.Id, cart.Items.Single().PrescriptionId);
        Assert.True(cart.Items.Single().Available);
    }

    [Fact]
    public async Task Quantities_are_bounded_by_stock_and_the_per_order_limit()
    {
        var patient = await Patient(cluster);
        var (_, scarce) = await Product(cluster, Otc(stock: 3));
        var (_, limited) = await Product(cluster, Otc(stock: 50, maxPerOrder: 2));

        await Refused(ProblemKind.Conflict, () => CartOf(patient).SetLine(patient, scarce.Id, 4, null));
        await Refused(ProblemKind.Unprocessable, () => CartOf(patient).SetLine(patient, limited.Id, 3, null));
        await Refused(ProblemKind.Invalid, () => CartOf(patient).SetLine(patient, limited.Id, -1, null));
        await CartOf(patient).SetLine(patient, scarce.Id, 3, null);
        var cart = await CartOf(patient).SetLine(patient, limited.Id, 2, null);

        Assert.Equal(2, cart.Items.Count);
        Assert.DoesNotContain((await CartOf(patient).SetLine(patient, scarce.Id, 0, null)).Items, l => l.ProductId == scarce.Id);
    }

    [Fact]
    public async Task Lines_that_can_no_longer_be_bought_are_flagged_and_left_out_of_the_total()
    {
        var patient = await Patient(cluster);
        var doctor = await Doctor(cluster);
        var pharmacist = await Staff(cluster, Role.Pharmacist);
        var (otc, otcView) = await Product(cluster, Otc(stock: 5, priceCents: 100));
        var (_, rxView) = await Product(cluster, Rx());
        var prescription = await Prescribe(cluster, doctor, patient, rxView.Id, quantity: 1, validDays: 3);
        await CartOf(patient).SetLine(patient, otcView.Id, 2, null);
        await CartOf(patient).SetLine(patient, rxView.Id, 1, prescription.Id);

        await otc.AdjustStock(pharmacist, -5, "Recalled batch");
        cluster.Clock.Advance(TimeSpan.FromDays(3));
        var cart = await CartOf(patient).View(patient);

        Assert.All(cart.Items, line => Assert.False(line.Available));
        Assert.Equal("Out of stock.", cart.Items.Single(l => l.ProductId == otcView.Id).Problem);
        Assert.Contains("expired", cart.Items.Single(l => l.ProductId == rxView.Id).Problem, StringComparison.Ordinal);
        Assert.Equal(0, cart.TotalCents);
    }

    [Fact]
    public async Task Someone_elses_cart_does_not_exist_for_you()
    {
        var owner = await Patient(cluster);
        var stranger = await Patient(cluster);

        await Refused(ProblemKind.NotFound, () => CartOf(owner).View(stranger));
        await Refused(ProblemKind.NotFound, () => CartOf(owner).View(owner with { Role = Role.Doctor }));
    }

    [Fact]
    public async Task A_checkout_whose_cart_activation_is_lost_before_its_next_save_gives_nothing_back()
    {
        var patient = await Patient(cluster);
        var (_, view) = await Product(cluster, Otc(stock: 10));
        await CartOf(patient).SetLine(patient, view.Id, 2, null);
        await OrderActors.Checkout(cluster, patient);

        // Forgetting the finished take is saved with the cart's next change; this cart has none.
        await cluster.Deactivate(CartOf(patient));
        cluster.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Empty((await CartOf(patient).View(patient)).Items);
        await CartOf(patient).SetLine(patient, view.Id, 1, null);
        await cluster.Deactivate(CartOf(patient));
        Assert.Equal(1, (await CartOf(patient).View(patient)).Items.Single().Quantity);
    }
}
