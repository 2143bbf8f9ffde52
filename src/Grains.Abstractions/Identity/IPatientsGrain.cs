using MedPlatform.Common;

namespace MedPlatform.Identity;

/// <summary>A patient as a prescribing doctor may find them: who they are, nothing of their health.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.PatientMatch")]
public sealed record PatientMatch([property: Id(0)] string Id, [property: Id(1)] string DisplayName);

/// <summary>How a verified doctor finds the patient to prescribe for. Every lookup is audited.</summary>
public interface IPatientsGrain : IGrainWithIntegerKey
{
    /// <summary>The patient with exactly this email address (case aside); 404 for no one or for an account that is not a patient's.</summary>
    Task<PatientMatch> FindByEmail(Caller doctor, string email);

    /// <summary>
    /// The doctor's own patients (whose questions they answered, who hold their prescriptions) whose
    /// name contains this text, by name; never an anonymous asker.
    /// </summary>
    Task<IReadOnlyList<PatientMatch>> FindByName(Caller doctor, string name);
}
