using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Mall;

public sealed class ProductGrain(
    [PersistentState("product", StorageNames.Mall)] IPersistentState<ProductState> state,
    CategoryCatalog categories,
    ProductDirectory directory,
    AuditLog audit,
    PlatformClock clock,
    ILogger<ProductGrain> logger) : Grain, IProductGrain, IProductSeeding
{
    private static readonly TimeSpan StockProjectionDelay = TimeSpan.FromSeconds(1);
    private IGrainTimer? pendingProjection;

    private string Id => this.GetPrimaryKeyString();
    private ProductState Product => state.State;
    private bool Exists => Product.Exists && ProductIds.IsCanonical(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The read model converges even if a silo died between saving a change and projecting it.
        if (Exists)
            await Project();
    }

    public async Task<ProductView> Create(Caller staff, NewProduct product)
    {
        await RoleCheck.EnsureStaff(GrainFactory, staff);
        var created = await CreateCore(product);
        await audit.Record("product.created", staff.UserId, $"product:{Id} {created.Name}", staff.ClientAddress);
        return created;
    }

    public async Task<ProductView> Seed(NewProduct product) => Exists ? Product.ToView(Id) : await CreateCore(product);

    public async Task Describe(ProductFacts facts)
    {
        if (!Exists || Product.Facts is not null)
            return;
        Product.Facts = facts;
        await SaveAndProject();
        directory.WordsChanged();
    }

    public Task<ProductView?> Find() => Task.FromResult(Exists ? Product.ToView(Id) : null);

    public async Task<ProductView> Update(Caller staff, ProductChanges changes)
    {
        await RoleCheck.EnsureStaff(GrainFactory, staff);
        EnsureExists();
        ProductRules.EnsureValid(ProductRules.Validate(changes));
        Product.PriceCents = changes.PriceCents ?? Product.PriceCents;
        Product.Description = changes.Description?.Trim() ?? Product.Description;
        Product.RequiresPrescription = changes.RequiresPrescription ?? Product.RequiresPrescription;
        Product.Controlled = changes.Controlled ?? Product.Controlled;
        Product.MaxPerOrder = changes.ClearMaxPerOrder ? null : changes.MaxPerOrder ?? Product.MaxPerOrder;
        if (changes.ActiveIngredients is not null || changes.BrandNames is not null || changes.Indications is not null || changes.Leaflet is not null)
        {
            var facts = Product.Facts ?? ProductFacts.None;
            Product.Facts = ProductRules.Normalize(new ProductFacts(changes.ActiveIngredients ?? facts.ActiveIngredients,
                changes.BrandNames ?? facts.BrandNames, changes.Indications ?? facts.Indications, changes.Leaflet ?? facts.Leaflet));
        }
        await SaveAndProject();
        directory.WordsChanged();
        await audit.Record("product.updated", staff.UserId,
            $"product:{Id} price:{Product.PriceCents} rx:{Product.RequiresPrescription} controlled:{Product.Controlled} max:{Product.MaxPerOrder}"
            + FactsChanged(changes),
            staff.ClientAddress);
        return Product.ToView(Id);
    }

    /// <summary>Which facts an update replaced, for the audit line: a changed dose or warning is on record.</summary>
    private static string FactsChanged(ProductChanges changes)
    {
        var changed = new[]
        {
            changes.ActiveIngredients is null ? null : "ingredients", changes.BrandNames is null ? null : "brands",
            changes.Indications is null ? null : "indications", changes.Leaflet is null ? null : "leaflet",
        }.OfType<string>().ToList();
        return changed.Count == 0 ? "" : " facts:" + string.Join(",", changed);
    }

    public async Task<ProductView> AdjustStock(Caller staff, int delta, string reason)
    {
        await RoleCheck.EnsureStaff(GrainFactory, staff);
        EnsureExists();
        ProductRules.EnsureValidStockChange(delta, reason);
        if ((long)Product.Stock + delta < 0)
            throw DomainException.Conflict($"Only {Product.Stock} in stock: cannot take {-delta} out.");
        if ((long)Product.Stock + delta > ProductRules.MaxStock)
            throw DomainException.Conflict($"Stock cannot exceed {ProductRules.MaxStock} units.");
        Product.Stock += delta;
        await SaveAndProject();
        await audit.Record("product.stock.adjusted", staff.UserId,
            $"product:{Id} delta:{delta:+#;-#} stock:{Product.Stock} reason:{reason.Trim()}", staff.ClientAddress);
        return Product.ToView(Id);
    }

    public async Task Reserve(string orderId, int quantity)
    {
        EnsureExists();
        if (Product.Reservations.ContainsKey(orderId))
            return;
        if (Product.Released.ContainsKey(orderId))
            throw DomainException.Conflict("This order has already been given back its stock.");
        if (quantity < 1)
            throw new ArgumentOutOfRangeException(nameof(quantity), "Reserve at least one unit.");
        if (quantity > Product.Stock)
            throw DomainException.Conflict(Product.Stock == 0
                ? $"{Product.Name} is out of stock."
                : $"Only {Product.Stock} of {Product.Name} left in stock.");
        Product.Stock -= quantity;
        Product.Reservations[orderId] = quantity;
        await SaveAndProjectSoon();
    }

    public async Task Release(string orderId)
    {
        if (!Exists || Product.Released.ContainsKey(orderId))
            return;
        var now = clock.GetUtcNow();
        foreach (var (old, at) in Product.Released)
        {
            if (at < now - Tombstones.KeepFor)
                Product.Released.Remove(old);
        }
        Product.Released[orderId] = now;
        if (Product.Reservations.Remove(orderId, out var quantity))
            Product.Stock += quantity;
        await SaveAndProjectSoon();
    }

    public async Task Settle(string orderId)
    {
        if (Exists && Product.Reservations.Remove(orderId))
            await this.Save(state);
    }

    private async Task<ProductView> CreateCore(NewProduct product)
    {
        if (!ProductIds.IsCanonical(Id))
            throw new ArgumentException($"'{Id}' is not a product id.");
        if (Product.Exists)
            throw DomainException.Conflict("A product with this id already exists.");
        ProductRules.EnsureValid(ProductRules.Validate(product));
        if (!await categories.Exists(product.Category))
            throw DomainException.Invalid("category", "Choose one of the catalog's categories.");

        var now = clock.GetUtcNow();
        state.State = new ProductState
        {
            Name = product.Name.Trim(),
            Category = product.Category,
            Form = product.Form.Trim(),
            Strength = product.Strength.Trim(),
            Description = product.Description.Trim(),
            PriceCents = product.PriceCents,
            Stock = product.Stock,
            RequiresPrescription = product.RequiresPrescription,
            Controlled = product.Controlled,
            MaxPerOrder = product.MaxPerOrder,
            Facts = product.Facts is null ? null : ProductRules.Normalize(product.Facts),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await this.Save(state);
        await Project();
        directory.WordsChanged();
        return Product.ToView(Id);
    }

    private async Task SaveAndProject()
    {
        Product.UpdatedAt = clock.GetUtcNow();
        await this.Save(state);
        await Project();
    }

    /// <summary>
    /// For stock that orders move: the catalog row follows within <see cref="StockProjectionDelay"/>
    /// (catalog pages are cached for five seconds anyway), one write for all the orders of that
    /// second rather than one per order. A lost activation leaves it to the next activation's projection.
    /// </summary>
    private async Task SaveAndProjectSoon()
    {
        Product.UpdatedAt = clock.GetUtcNow();
        await this.Save(state);
        pendingProjection ??= this.RegisterGrainTimer(ProjectPending, new GrainTimerCreationOptions(StockProjectionDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task ProjectPending(CancellationToken cancellationToken)
    {
        pendingProjection?.Dispose();
        pendingProjection = null;
        await Project();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pendingProjection is not null)
            await ProjectPending(cancellationToken);
    }

    private void EnsureExists()
    {
        if (!Exists)
            throw DomainException.NotFound("No such product.");
    }

    private Task Project() => this.Project(() => directory.Upsert(Id, Product), logger);
}
