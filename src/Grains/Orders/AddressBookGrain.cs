using System.Security.Cryptography;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;

namespace MedPlatform.Orders;

[GenerateSerializer, Alias("MedPlatform.AddressBookState")]
public sealed class AddressBookState
{
    [Id(0)] public List<SavedAddress> Addresses { get; set; } = [];
}

/// <summary>
/// Saved shipping addresses, in the order service's database beside the orders they are used for.
/// Only the patient reads or changes them; orders copy the address they ship to, so editing the
/// book never changes an order.
/// </summary>
public sealed class AddressBookGrain(
    [PersistentState("addresses", StorageNames.Orders)] IPersistentState<AddressBookState> state) : Grain, IAddressBookGrain
{
    public const int MaxAddresses = 10;

    public Task<IReadOnlyList<SavedAddress>> List(Caller patient)
    {
        EnsureOwner(patient);
        return Task.FromResult<IReadOnlyList<SavedAddress>>(state.State.Addresses.ToList());
    }

    public async Task<IReadOnlyList<SavedAddress>> Replace(Caller patient, IReadOnlyList<SavedAddress> addresses)
    {
        EnsureOwner(patient);
        if (addresses.Count > MaxAddresses)
            throw DomainException.Unprocessable($"Keep at most {MaxAddresses} addresses.");
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var a = addresses[i];
            ShippingAddressRules.Validate(new ShippingAddress(a.Name, a.Line1, a.City, a.PostalCode, a.Country), $"[{i}].", errors);
        }
        if (errors.Count > 0)
            throw DomainException.Invalid(errors);
        var known = state.State.Addresses.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var defaultIndex = Math.Max(0, addresses.ToList().FindIndex(a => a.IsDefault));
        var saved = addresses.Select((address, index) => address with
        {
            Name = address.Name.Trim(), Line1 = address.Line1.Trim(), City = address.City.Trim(),
            PostalCode = address.PostalCode.Trim(), Country = address.Country.Trim(),
            // An id the book never gave out is a new address, not a way to name one.
            Id = known.Contains(address.Id) ? address.Id : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            IsDefault = index == defaultIndex,
        }).ToList();
        if (saved.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != saved.Count)
            throw DomainException.Unprocessable("Each saved address appears once.");
        state.State.Addresses = saved;
        await this.Save(state);
        return saved.ToList();
    }

    private void EnsureOwner(Caller patient)
    {
        if (patient.Role != Role.Patient || patient.UserId != this.GetPrimaryKeyString())
            throw DomainException.NotFound("No such address book.");
    }
}
