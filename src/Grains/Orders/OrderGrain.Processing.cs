using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Mall;
using MedPlatform.Orders.Payments;

namespace MedPlatform.Orders;

/// <summary>
/// The automatic steps: reserve stock and draw on prescriptions, charge the card, route to review
/// or shipping. Each does its side effects first (idempotent by order id) and then records the status.
/// </summary>
public sealed partial class OrderGrain
{
    /// <summary>Runs the automatic steps until the order waits for a person, is finished, or must wait for the gateway.</summary>
    private async Task Advance()
    {
        try
        {
            if (Order.Exit is not null)
                await FinishExit();
            while (Order.Exit is null && IsAutomatic(Order.Status))
            {
                if (Order.Status is OrderStatus.Placed or OrderStatus.StockReserved
                    && clock.GetUtcNow() - Order.CreatedAt > options.Value.GiveUpAfter)
                {
                    await BeginExit(OrderStatus.PaymentFailed, null, "The payment could not be completed in time; any charge has been refunded.");
                    await FinishExit();
                    break;
                }
                if (!await Step())
                    break;
            }
            // The sweep stops resuming the order once the read model shows where it is.
            await Project();
        }
        catch (Exception e) when (e is not DomainException)
        {
            // Whatever was done is idempotent; what was not saved is dropped with this activation.
            // The order sweep runs the steps again.
            LogStepFailed(e, Id, Order.Status);
            this.DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>One automatic step. False when the order must wait (the gateway is unavailable).</summary>
    private async Task<bool> Step()
    {
        switch (Order.Status)
        {
            case OrderStatus.Placed:
                if (await ReserveAndDraw() is { } refusal)
                {
                    await BeginExit(OrderStatus.Cancelled, null, refusal);
                    await FinishExit();
                }
                else
                {
                    // Not saved on its own: reserving again is a no-op, so the save after the charge covers it.
                    Record(OrderStatus.StockReserved, null, null);
                }
                return true;

            case OrderStatus.StockReserved:
                await faults.Before(Id, Order.PatientId!, OrderStep.Charge);
                ChargeResult charge;
                try
                {
                    charge = await gateway.Charge(Id, Order.PaymentToken, Order.TotalCents);
                }
                catch (PaymentGatewayUnavailableException e)
                {
                    LogGatewayUnavailable(Id, e.Message);
                    return false;
                }
                if (charge.Outcome == ChargeOutcome.Declined)
                {
                    await BeginExit(OrderStatus.PaymentFailed, null, charge.DeclineReason);
                    await FinishExit();
                    return true;
                }
                await faults.Before(Id, Order.PatientId!, OrderStep.RecordPayment);
                Order.PaymentId = charge.PaymentId;
                // A sealed card (cluster mode) has done its work: the save right after routing drops it.
                // Until then a crash charges again, which the gateway answers with this same payment.
                Order.PaymentToken = "";
                Record(OrderStatus.Paid, null, $"Card ending {Order.CardLast4} charged.");
                metrics.OrderPaid();
                return true;

            case OrderStatus.Paid:
                await faults.Before(Id, Order.PatientId!, OrderStep.Route);
                await MoveTo(Order.NeedsReview ? OrderStatus.AwaitingReview : OrderStatus.ReadyToShip, null,
                    Order.NeedsReview ? "A pharmacist checks the prescriptions." : null, project: false);
                return true;

            default:
                return false;
        }
    }

    /// <summary>Takes the units out of stock and off the prescriptions. Null when done, otherwise why it could not be.</summary>
    private async Task<string?> ReserveAndDraw()
    {
        await faults.Before(Id, Order.PatientId!, OrderStep.Reserve);
        try
        {
            foreach (var item in Order.Items)
                await GrainFactory.GetGrain<IProductGrain>(item.ProductId).Reserve(Id, item.Quantity);
            await faults.Before(Id, Order.PatientId!, OrderStep.DrawPrescriptions);
            foreach (var prescription in Order.Items.Where(i => i.PrescriptionId is not null).GroupBy(i => i.PrescriptionId!))
            {
                await GrainFactory.GetGrain<IPrescriptionGrain>(prescription.Key)
                    .Draw(Id, Order.PatientId!, prescription.Select(i => new PrescriptionLine(i.ProductId, i.Quantity)).ToList());
            }
            return null;
        }
        catch (DomainException refusal) when (refusal.Kind is ProblemKind.Conflict or ProblemKind.Unprocessable or ProblemKind.NotFound)
        {
            return refusal.Detail;
        }
    }
}
