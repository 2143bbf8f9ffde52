namespace MedPlatform.Identity;

/// <summary>
/// How often one thing may be asked for by one party, keyed "{what}:{who}" (reset links for an
/// address, from a network; confirmation mails for an account). A sliding window, in memory.
/// </summary>
public interface IRequestThrottleGrain : IGrainWithStringKey
{
    /// <summary>Counts one request, or throws 429 with Retry-After when <paramref name="limit"/> were made within <paramref name="window"/>.</summary>
    Task Take(int limit, TimeSpan window, string refusal);
}
