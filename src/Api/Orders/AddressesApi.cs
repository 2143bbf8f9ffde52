using MedPlatform.Api.Auth;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Orders;

/// <summary>The patient's saved shipping addresses, which fill the checkout form.</summary>
public static class AddressesApi
{
    public static IEndpointRouteBuilder MapAddressesApi(this IEndpointRouteBuilder app)
    {
        var addresses = app.MapGroup("/api/me/addresses").WithTags("Orders").RequireAuthorization(Policies.Patient);
        addresses.MapGet("", List).WithName("listAddresses").WithSummary("Your saved shipping addresses, the default one marked");
        addresses.MapPut("", Replace).WithName("saveAddresses")
            .WithSummary("Replace your saved addresses (no id for a new one; the default is the one marked, or the first)").Refuses(422);
        return app;
    }

    static async Task<Ok<IReadOnlyList<SavedAddress>>> List(Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAddressBookGrain>(patient.UserId).List(patient));

    static async Task<Ok<IReadOnlyList<SavedAddress>>> Replace(IReadOnlyList<SavedAddressRequest> addresses, Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAddressBookGrain>(patient.UserId).Replace(patient, addresses.ToSavedAddresses()));
}
