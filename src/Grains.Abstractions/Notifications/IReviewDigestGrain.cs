namespace MedPlatform.Notifications;

/// <summary>
/// Gathers the orders that came to wait for a pharmacist's review and tells every pharmacist of them
/// once per period (Notifications:ReviewDigestEvery), so a busy pharmacy gets a digest, not a mail per order.
/// </summary>
public interface IReviewDigestGrain : IGrainWithIntegerKey
{
    [Orleans.Concurrency.OneWay]
    Task Waiting(string orderId);
}
