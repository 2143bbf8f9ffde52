using MedPlatform.Notifications;

namespace MedPlatform.Orders;

/// <summary>
/// The patient hears of each step of the order that matters to them. Steps are told in order, each
/// once (the notification's key is the step); the count told is saved with the next step, and a step
/// told twice after a crash is still told once.
/// </summary>
public sealed partial class OrderGrain
{
    private async Task TellPatient()
    {
        Order.HistoryTold ??= Order.History.Count - 1;
        for (; Order.HistoryTold < Order.History.Count; Order.HistoryTold++)
        {
            var step = Order.HistoryTold.Value;
            if (Notification(Order.History[step], step) is { } notification)
                await notifier.Tell(Order.PatientId!, notification);
            if (Order.History[step].Status == OrderStatus.AwaitingReview)
                await TellPharmacists();
        }
    }

    private async Task TellPharmacists()
    {
        try
        {
            await GrainFactory.GetGrain<IReviewDigestGrain>(0).Waiting(Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The order is in the pharmacy queue either way; only the digest misses it.
            LogDigestMissed(e, Id);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Order {OrderId}: the pharmacists' review digest could not be told")]
    private partial void LogDigestMissed(Exception exception, string orderId);

    private NewNotification? Notification(OrderHistoryEntry entry, int step)
    {
        var number = Order.OrderNumber ?? "your order";
        var link = $"/orders/{Id}";
        NewNotification Say(NotificationKind kind, string title, string body, string? inAppDetail = null) =>
            new($"order:{Id}:{step}", kind, title, body, link, inAppDetail);
        return entry.Status switch
        {
            OrderStatus.Paid => Say(NotificationKind.OrderPaid, $"Order {number} is paid", $"We took the payment for order {number}. The pharmacy is preparing it."),
            OrderStatus.AwaitingReview => Say(NotificationKind.OrderAwaitingReview, $"Order {number} awaits a pharmacist",
                $"Order {number} holds prescription medicines: a pharmacist checks it before it is sent, usually within a working day."),
            OrderStatus.Refunded when entry.Note?.StartsWith("Rejected by the pharmacist", StringComparison.Ordinal) == true =>
                Say(NotificationKind.OrderRejected, $"Order {number} was not approved",
                    $"A pharmacist did not approve order {number}, and the payment was refunded in full. Open the order to read why.", entry.Note),
            OrderStatus.Refunded => Say(NotificationKind.OrderRefunded, $"Order {number} was refunded", $"Order {number} was refunded in full."),
            OrderStatus.Shipped => Say(NotificationKind.OrderShipped, $"Order {number} is on its way", $"Order {number} was sent. Tracking number: {Order.TrackingNumber}."),
            OrderStatus.Delivered => Say(NotificationKind.OrderDelivered, $"Order {number} was delivered", $"Order {number} was delivered. We hope you feel better soon."),
            OrderStatus.PaymentFailed => Say(NotificationKind.OrderPaymentFailed, $"The payment for order {number} did not go through",
                "The card was not charged and the items are back in your cart: check out again with another card."),
            _ => null,
        };
    }
}
