using MedPlatform.Common;

namespace MedPlatform.Orders;

/// <summary>A shipping address the patient keeps for checkout; the default one fills the form.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.SavedAddress")]
public sealed record SavedAddress(
    /// <summary>Given by the platform; empty in a request for an address not saved before.</summary>
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Line1,
    [property: Id(3)] string City,
    [property: Id(4)] string PostalCode,
    [property: Id(5)] string Country,
    [property: Id(6)] bool IsDefault);

/// <summary>A patient's saved shipping addresses, keyed by the patient's user id.</summary>
public interface IAddressBookGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<SavedAddress>> List(Caller patient);

    /// <summary>
    /// Replaces the list: addresses keep their ids, new ones get one, and exactly one is the default
    /// (the one marked, or else the first).
    /// </summary>
    Task<IReadOnlyList<SavedAddress>> Replace(Caller patient, IReadOnlyList<SavedAddress> addresses);
}
