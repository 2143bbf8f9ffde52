using Orleans.Streams;
using Orleans.Streams.Core;

namespace MedPlatform.Orders;

/// <summary>Consumes the order-processing stream: implicitly subscribed per order id.</summary>
public interface IOrderProcessorGrain : IGrainWithStringKey;

/// <summary>
/// Starts processing when an order is placed. The stream is in memory and not durable: a lost event
/// costs only time, because the order sweep re-drives it as well.
/// </summary>
[ImplicitStreamSubscription(OrderEvents.PlacedNamespace)]
public sealed class OrderProcessorGrain : Grain, IOrderProcessorGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<OrderPlaced>().ResumeAsync(OnPlaced);

    private Task OnPlaced(OrderPlaced placed, StreamSequenceToken? token) =>
        GrainFactory.GetGrain<IOrderGrain>(placed.OrderId).Resume();
}
