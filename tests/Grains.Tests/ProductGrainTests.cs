using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Storage;
using MedPlatform.TestSupport;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;
using static MedPlatform.Grains.Tests.MallActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class ProductGrainTests(GrainTestCluster cluster)
{
    private ICatalogGrain Catalog => cluster.Grains.GetGrain<ICatalogGrain>(0);

    [Fact]
    public async Task The_starter_catalog_has_real_medicines_in_every_category_marked_realistically()
    {
        var all = await Catalog.List(new ProductQuery(null, null, new PageRequest(1, 100)));
        var starter = StarterCatalog.Entries.Select(e => ProductIds.ForStarter(e.Slug)).ToHashSet();
        var products = all.Items.Where(p => starter.Contains(p.Id)).ToList();
        ProductView Named(string name) => products.First(p => p.Name == name);

        Assert.True(products.Count >= 30);
        Assert.Equal(["allergy", "antibiotics", "cardiovascular", "diabetes", "digestive", "pain-fever", "respiratory", "skin", "vitamins"],
            products.Select(p => p.Category).Distinct().Order().Except(["mental-health"]));
        Assert.False(Named("Paracetamol").RequiresPrescription);
        Assert.False(Named("Cetirizine").RequiresPrescription);
        Assert.True(Named("Amoxicillin").RequiresPrescription);
        Assert.True(Named("Metformin").RequiresPrescription);
        Assert.True(Named("Salbutamol inhaler").RequiresPrescription);
        Assert.True(Named("Codeine phosphate").Controlled);
        Assert.Equal(1, Named("Pseudoephedrine").MaxPerOrder);
    }

    [Fact]
    public async Task Only_staff_accounts_create_products()
    {
        var patient = await Patient(cluster);
        var patientClaimingPharmacist = patient with { Role = Role.Pharmacist };
        var grain = cluster.Grains.GetGrain<IProductGrain>(ProductIds.New());

        await Refused(ProblemKind.Forbidden, () => grain.Create(patient, Otc()));
        await Refused(ProblemKind.Forbidden, () => grain.Create(patientClaimingPharmacist, Otc()));
        var created = await grain.Create(await Staff(cluster, Role.Admin), Otc());

        Assert.Equal("Test Paracetamol", created.Name);
    }

    [Fact]
    public async Task An_invalid_product_is_refused_field_by_field()
    {
        var grain = cluster.Grains.GetGrain<IProductGrain>(ProductIds.New());

        var refusal = await Refused(ProblemKind.Invalid, async () => await grain.Create(await Staff(cluster, Role.Pharmacist),
            Otc() with { Name = "", PriceCents = 0, Stock = -1, Category = "weapons" }));

        Assert.Contains("name", refusal.Errors!.Keys);
        Assert.Contains("priceCents", refusal.Errors.Keys);
        Assert.Contains("stock", refusal.Errors.Keys);
    }

    [Fact]
    public async Task Stock_never_goes_below_zero_and_every_change_is_audited_with_its_reason()
    {
        var (product, _) = await Product(cluster, Otc(stock: 5));
        var pharmacist = await Staff(cluster, Role.Pharmacist);

        await Refused(ProblemKind.Conflict, () => product.AdjustStock(pharmacist, -6, "Broken bottles"));
        var after = await product.AdjustStock(pharmacist, -2, "Broken bottles");

        Assert.Equal(3, after.Stock);
        var admin = await Staff(cluster, Role.Admin);
        var log = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(pharmacist.UserId, "product.stock.adjusted", new PageRequest(1, 10)));
        Assert.Contains(log.Items, e => e.Target!.Contains("delta:-2", StringComparison.Ordinal) && e.Target.Contains("reason:Broken bottles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_orders_racing_for_the_last_ten_units_get_exactly_ten()
    {
        var (product, _) = await Product(cluster, Otc(stock: 10));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try { await product.Reserve($"order-{i}", 1); return true; }
            catch (DomainException e) when (e.Kind == ProblemKind.Conflict) { return false; }
        }));

        Assert.Equal(10, outcomes.Count(won => won));
        Assert.Equal(0, (await product.Find())!.Stock);
    }

    [Fact]
    public async Task Reserving_and_releasing_are_idempotent_per_order()
    {
        var (product, _) = await Product(cluster, Otc(stock: 10));

        await product.Reserve("order-a", 3);
        await product.Reserve("order-a", 3);
        Assert.Equal(7, (await product.Find())!.Stock);

        await product.Release("order-a");
        await product.Release("order-a");
        await product.Release("never-reserved");
        Assert.Equal(10, (await product.Find())!.Stock);
    }

    [Fact]
    public async Task A_reservation_arriving_after_its_order_gave_the_stock_back_takes_nothing()
    {
        var (product, _) = await Product(cluster, Otc(stock: 10));
        await product.Reserve("order-late", 2);
        await product.Release("order-late");

        await Refused(ProblemKind.Conflict, () => product.Reserve("order-late", 2));
        await product.Release("order-never-reserved");
        await Refused(ProblemKind.Conflict, () => product.Reserve("order-never-reserved", 1));

        Assert.Equal(10, (await product.Find())!.Stock);
    }

    [Fact]
    public async Task The_catalog_shows_updates_at_once_and_search_lists_products_named_after_the_word_first()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8];
        var (named, _) = await Product(cluster, Otc() with { Name = $"{marker} tablets" });
        var (mentioned, _) = await Product(cluster, Otc() with { Name = $"Aaa other {Guid.NewGuid():N}", Description = $"Contains {marker}." });
        await named.Update(await Staff(cluster, Role.Pharmacist), new ProductChanges(777, null, null, null, null));

        var found = await Catalog.List(new ProductQuery(null, marker, new PageRequest(1, 10)));

        Assert.Equal([named.GetPrimaryKeyString(), mentioned.GetPrimaryKeyString()], found.Items.Select(p => p.Id));
        Assert.Equal(777, found.Items[0].PriceCents);
    }

    [Fact]
    public async Task The_catalog_row_follows_stock_that_orders_move_within_seconds_and_at_deactivation()
    {
        var (product, view) = await Product(cluster, Otc(stock: 10));

        await product.Reserve(ProductIds.New(), 3);
        await Poll.UntilAsync(async () => await ListedStock(view.Id) == 7, TimeSpan.FromSeconds(10), "the catalog row to show 7 in stock");

        // A projection still waiting when the product deactivates is written then.
        await product.Reserve(ProductIds.New(), 2);
        await cluster.Deactivate(product);
        Assert.Equal(5, await ListedStock(view.Id));
    }

    private Task<long> ListedStock(string productId) =>
        cluster.Database.CountAsync("SELECT stock FROM products WHERE id = @id;", command => command.Bind("id", productId));
}
