using MedPlatform.Api.Auth;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Api.Identity;

/// <summary>Finding the patient to prescribe for: verified doctors only, and every lookup is audited.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patients", Find).WithTags("Prescriptions").RequireAuthorization(Policies.VerifiedDoctor)
            .WithName("findPatient")
            .WithSummary("A patient by exact email, or your own patients by name (verified doctors, audited)")
            .WithDescription(
                "With `email`: the patient with exactly this address (case aside), or 404. With `q`: the patients whose questions " +
                "you answered or who hold your prescriptions and whose name contains it, at most 20, by name; never an anonymous asker.")
            .ProducesOneOf<PatientMatch, IReadOnlyList<PatientMatch>>().Refuses(404);
        return app;
    }

    static async Task<IResult> Find(string? email, string? q, Caller doctor, IGrainFactory grains)
    {
        var patients = grains.GetGrain<IPatientsGrain>(0);
        if (!string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(q))
            return TypedResults.Ok(await patients.FindByEmail(doctor, email));
        if (!string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(email))
        {
            var name = q.Trim();
            if (name.Length is < DoctorsPatients.MinNameLength or > DoctorsPatients.MaxNameLength || name.Any(char.IsControl))
                throw DomainException.Invalid("q", $"Give {DoctorsPatients.MinNameLength} to {DoctorsPatients.MaxNameLength} letters of the patient's name.");
            return TypedResults.Ok(await patients.FindByName(doctor, name));
        }
        throw DomainException.Invalid("email", "Give the patient's email address, or part of a name as q (one of the two).");
    }
}
