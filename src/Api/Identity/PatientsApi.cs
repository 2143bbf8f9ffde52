using MedPlatform.Api.Auth;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Identity;

/// <summary>Finding the patient to prescribe for: verified doctors only, and every lookup is audited.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patients", Find).WithTags("Prescriptions").RequireAuthorization(Policies.VerifiedDoctor)
            .WithName("findPatient").WithSummary("The patient with exactly this email address (verified doctors, audited)").Refuses(404);
        return app;
    }

    static async Task<Ok<PatientMatch>> Find(string? email, Caller doctor, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(email))
            throw DomainException.Invalid("email", "Give the patient's email address.");
        return TypedResults.Ok(await grains.GetGrain<IPatientsGrain>(0).FindByEmail(doctor, email));
    }
}
