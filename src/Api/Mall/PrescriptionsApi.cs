using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Mall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Mall;

/// <summary>E-prescriptions: verified doctors issue them; their patients and doctors (and staff) read them; every read is audited.</summary>
public static class PrescriptionsApi
{
    public static IEndpointRouteBuilder MapPrescriptionsApi(this IEndpointRouteBuilder app)
    {
        var prescriptions = app.MapGroup("/api/prescriptions").WithTags("Prescriptions");
        prescriptions.MapPost("", Issue).RequireAuthorization(Policies.Doctor).WithName("issuePrescription")
            .WithSummary("Prescribe (verified doctors), for a patient by id or for the author of a thread you answered").Refuses(404, 422);
        prescriptions.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("listPrescriptions")
            .WithSummary("A patient's own prescriptions, or the ones a doctor issued; newest first").Refuses(403);
        prescriptions.MapGet("/{id}", Get).RequireAuthorization(Policies.SignedIn).WithName("getPrescription")
            .WithSummary("One prescription: its patient, its doctor, pharmacists and admins");
        prescriptions.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.Doctor).WithName("cancelPrescription")
            .WithSummary("Withdraw a prescription you issued").Refuses(409);
        return app;
    }

    static async Task<Created<PrescriptionView>> Issue(PrescriptionRequest request, Caller doctor, IGrainFactory grains)
    {
        var issued = await grains.GetGrain<IPrescriptionsGrain>(0).Issue(doctor, request.ToPrescription());
        return TypedResults.Created($"/api/prescriptions/{issued.Id}", issued);
    }

    static async Task<Ok<PagedResult<PrescriptionView>>> List([AsParameters] PageQuery paging, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPrescriptionsGrain>(0).List(caller, paging.ToRequest()));

    static async Task<Ok<PrescriptionView>> Get(string id, Caller caller, IGrainFactory grains) =>
        TypedResults.Ok(await Prescription(grains, id).View(caller));

    static async Task<Ok<PrescriptionView>> Cancel(string id, Caller doctor, IGrainFactory grains) =>
        TypedResults.Ok(await Prescription(grains, id).Cancel(doctor));

    private static IPrescriptionGrain Prescription(IGrainFactory grains, string id) =>
        ProductIds.IsCanonical(id) ? grains.GetGrain<IPrescriptionGrain>(id) : throw DomainException.NotFound("No such prescription.");
}
