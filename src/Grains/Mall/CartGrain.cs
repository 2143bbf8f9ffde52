using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;

namespace MedPlatform.Mall;

public sealed class CartGrain(
    [PersistentState("cart", StorageNames.Mall)] IPersistentState<CartState> state,
    PlatformClock clock) : Grain, ICartGrain, ICartReturns
{
    public const int MaxLines = 50;
    /// <summary>Enough to cover every exit still being finished; an order is done with its cart long before.</summary>
    private const int RememberedReturns = 20;
    /// <summary>A checkout that took lines and was never heard of again (its silo died) gives them back after this.</summary>
    private static readonly TimeSpan AbandonedTakeAfter = TimeSpan.FromMinutes(10);

    private List<CartLine> Lines => state.State.Lines;

    public async Task<CartView> View(Caller patient)
    {
        EnsureOwner(patient);
        await RecoverAbandonedTakes();
        return await Priced(patient);
    }

    public async Task<CartView> SetLine(Caller patient, string productId, int quantity, string? prescriptionId)
    {
        EnsureOwner(patient);
        if (quantity is < 0 or > ProductRules.MaxLineQuantity)
            throw DomainException.Invalid("quantity", $"The quantity is between 0 and {ProductRules.MaxLineQuantity}.");
        if (quantity == 0)
            return await RemoveLine(patient, productId);

        var product = await Product(productId) ?? throw DomainException.NotFound("No such product.");
        if (product.Controlled)
            throw DomainException.Unprocessable($"{product.Name} is a controlled drug and is never sold online.");
        if (product.MaxPerOrder is { } limit && quantity > limit)
            throw DomainException.Unprocessable($"At most {limit} of {product.Name} per order.");
        if (quantity > product.Stock)
            throw DomainException.Conflict(product.Stock == 0 ? $"{product.Name} is out of stock." : $"Only {product.Stock} of {product.Name} left in stock.");
        string? linkedPrescription = null;
        if (product.RequiresPrescription)
        {
            if (string.IsNullOrWhiteSpace(prescriptionId))
                throw DomainException.Unprocessable($"{product.Name} needs a prescription: choose one of yours that includes it.");
            if (!ProductIds.IsCanonical(prescriptionId))
                throw DomainException.NotFound("No such prescription.");
            await GrainFactory.GetGrain<IPrescriptionGrain>(prescriptionId).EnsureCovers(patient, product.Id, quantity);
            linkedPrescription = prescriptionId;
        }

        var line = Lines.Find(l => l.ProductId == product.Id);
        if (line is null)
        {
            if (Lines.Count >= MaxLines)
                throw DomainException.Unprocessable($"A cart holds at most {MaxLines} different products.");
            Lines.Add(line = new CartLine { ProductId = product.Id });
        }
        line.Quantity = quantity;
        line.PrescriptionId = linkedPrescription;
        await this.Save(state);
        return await Priced(patient, justRead: product);
    }

    public Task<CartView> AddToLine(Caller patient, string productId, int units, string? prescriptionId)
    {
        EnsureOwner(patient);
        if (units is < 1 or > ProductRules.MaxLineQuantity)
            throw DomainException.Invalid("add", $"Add between 1 and {ProductRules.MaxLineQuantity}.");
        var line = Lines.Find(l => l.ProductId == productId);
        var total = (line?.Quantity ?? 0) + units;
        if (total > ProductRules.MaxLineQuantity)
            throw DomainException.Invalid("add", $"You have {line!.Quantity} in your cart already; a line holds at most {ProductRules.MaxLineQuantity}.");
        // The grain's own method, not a grain call: the line is read and written in one turn, so two adds never lose one.
        return SetLine(patient, productId, total, string.IsNullOrWhiteSpace(prescriptionId) ? line?.PrescriptionId : prescriptionId);
    }

    public async Task<CartView> RemoveLine(Caller patient, string productId)
    {
        EnsureOwner(patient);
        if (Lines.RemoveAll(l => l.ProductId == productId) > 0)
            await this.Save(state);
        return await Priced(patient);
    }

    public async Task<IReadOnlyList<CartLineView>> TakeForOrder(Caller patient, string orderId)
    {
        EnsureOwner(patient);
        if (state.State.Taken.Find(t => t.OrderId == orderId) is { } taken)
            return taken.Lines;
        var view = await Priced(patient);
        if (view.Items.Count == 0)
            throw DomainException.Unprocessable("Your cart is empty.");
        if (view.Items.Where(l => !l.Available).ToList() is { Count: > 0 } unavailable)
        {
            var detail = "Some items cannot be bought as they are: " + string.Join("; ", unavailable.Select(l => $"{l.Name}: {l.Problem}"));
            // Not enough stock is a conflict with others' orders (409); anything else breaks a rule (422).
            throw unavailable.All(l => l.ShortOfStock) ? DomainException.Conflict(detail) : DomainException.Unprocessable(detail);
        }
        state.State.Taken.Add(new TakenLines { OrderId = orderId, Lines = [.. view.Items], TakenAt = clock.GetUtcNow() });
        Lines.Clear();
        await this.Save(state);
        return view.Items;
    }

    public async Task FinishTake(Caller patient, string orderId, bool placed)
    {
        EnsureOwner(patient);
        if (state.State.Taken.Find(t => t.OrderId == orderId) is not { } taken)
            return;
        state.State.Taken.Remove(taken);
        if (placed)
        {
            // The lines are the order's now. Forgetting the take is saved with the cart's next change;
            // if this activation is lost before that, the abandoned-take check finds the order and
            // forgets it then. One write per checkout fewer.
            return;
        }
        GiveBack(taken);
        await this.Save(state);
    }

    public async Task TakeBack(string orderId, IReadOnlyList<Orders.OrderItemView> items)
    {
        if (state.State.ReturnedOrders.Contains(orderId))
            return;
        foreach (var item in items.Where(i => !Lines.Exists(existing => existing.ProductId == i.ProductId)).Take(MaxLines - Lines.Count))
            Lines.Add(new CartLine { ProductId = item.ProductId, Quantity = item.Quantity, PrescriptionId = item.PrescriptionId });
        state.State.ReturnedOrders.Add(orderId);
        if (state.State.ReturnedOrders.Count > RememberedReturns)
            state.State.ReturnedOrders.RemoveAt(0);
        await this.Save(state);
    }

    /// <summary>Lines taken by a checkout that never finished go back to the cart, unless its order exists.</summary>
    private async Task RecoverAbandonedTakes()
    {
        var abandoned = state.State.Taken.Where(t => t.TakenAt < clock.GetUtcNow() - AbandonedTakeAfter).ToList();
        foreach (var taken in abandoned)
        {
            if (await GrainFactory.GetGrain<Orders.IOrderPlacement>(taken.OrderId).Placed() is null)
                GiveBack(taken);
            state.State.Taken.Remove(taken);
        }
        if (abandoned.Count > 0)
            await this.Save(state);
    }

    private void GiveBack(TakenLines taken)
    {
        foreach (var line in taken.Lines.Where(l => !Lines.Exists(existing => existing.ProductId == l.ProductId)))
            Lines.Add(new CartLine { ProductId = line.ProductId, Quantity = line.Quantity, PrescriptionId = line.PrescriptionId });
    }

    /// <summary>
    /// The cart at the catalog's current prices, each line checked again against stock, limits and
    /// prescriptions. <paramref name="justRead"/> is a product this call has already read: it is not asked twice.
    /// </summary>
    private async Task<CartView> Priced(Caller patient, ProductView? justRead = null)
    {
        var lines = await Task.WhenAll(Lines.Select(async line =>
        {
            var product = line.ProductId == justRead?.Id ? justRead : await Product(line.ProductId);
            if (product is null)
                return new CartLineView(line.ProductId, "(no longer sold)", line.Quantity, 0, line.PrescriptionId, false, false, "This product is no longer sold.");
            var problem = await ProblemWith(patient, line, product);
            return new CartLineView(product.Id, $"{product.Name} {product.Strength}", line.Quantity, product.PriceCents, line.PrescriptionId,
                product.RequiresPrescription, Available: problem is null, Problem: problem,
                ShortOfStock: problem is not null && !product.Controlled && line.Quantity > product.Stock);
        }));
        return new CartView(lines, lines.Where(l => l.Available).Sum(l => l.UnitPriceCents * l.Quantity));
    }

    private async Task<string?> ProblemWith(Caller patient, CartLine line, ProductView product)
    {
        if (product.Controlled)
            return "Controlled drugs are never sold online.";
        if (product.Stock == 0)
            return "Out of stock.";
        if (line.Quantity > product.Stock)
            return $"Only {product.Stock} left in stock.";
        if (product.MaxPerOrder is { } limit && line.Quantity > limit)
            return $"At most {limit} per order.";
        if (!product.RequiresPrescription)
            return null;
        if (line.PrescriptionId is null)
            return "Needs a prescription.";
        try
        {
            await GrainFactory.GetGrain<IPrescriptionGrain>(line.PrescriptionId).EnsureCovers(patient, product.Id, line.Quantity);
            return null;
        }
        catch (DomainException refusal)
        {
            return refusal.Detail;
        }
    }

    private Task<ProductView?> Product(string productId) =>
        ProductIds.IsCanonical(productId) ? GrainFactory.GetGrain<IProductGrain>(productId).Find() : Task.FromResult<ProductView?>(null);

    private void EnsureOwner(Caller patient)
    {
        if (patient.Role != Role.Patient || patient.UserId != this.GetPrimaryKeyString())
            throw DomainException.NotFound("No such cart.");
    }
}
