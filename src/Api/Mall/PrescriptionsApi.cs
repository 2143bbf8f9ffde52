using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
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
        prescriptions.MapPost("", Issue).RequireAuthorization(Policies.Doctor)
            .WithSummary("Prescribe (verified doctors), for a patient by id or for the author of a thread you answered");
        prescriptions.MapGet("", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("A patient's own prescriptions, or the ones a doctor issued; newest first");
        prescriptions.MapGet("/{id}", Get).RequireAuthorization(Policies.SignedIn)
            .WithSummary("One prescription: its patient, its doctor, pharmacists and admins");
        prescriptions.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.Doctor).WithSummary("Withdraw a prescription you issued");
        return app;
    }

    static async Task<Created<PrescriptionResponse>> Issue(PrescriptionRequest request, IGrainFactory grains, HttpContext context)
    {
        var issued = await grains.GetGrain<IPrescriptionsGrain>(0).Issue(context.ToCaller(), request.ToPrescription());
        return TypedResults.Created($"/api/prescriptions/{issued.Id}", PrescriptionResponse.From(issued));
    }

    static async Task<Ok<Paged<PrescriptionResponse>>> List(int? page, int? pageSize, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(Paged<PrescriptionResponse>.From(
            await grains.GetGrain<IPrescriptionsGrain>(0).List(context.ToCaller(), Paging.From(page, pageSize)), PrescriptionResponse.From));

    static async Task<Ok<PrescriptionResponse>> Get(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(PrescriptionResponse.From(await Prescription(grains, id).View(context.ToCaller())));

    static async Task<Ok<PrescriptionResponse>> Cancel(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(PrescriptionResponse.From(await Prescription(grains, id).Cancel(context.ToCaller())));

    private static IPrescriptionGrain Prescription(IGrainFactory grains, string id) =>
        ProductIds.IsCanonical(id) ? grains.GetGrain<IPrescriptionGrain>(id) : throw DomainException.NotFound("No such prescription.");
}
