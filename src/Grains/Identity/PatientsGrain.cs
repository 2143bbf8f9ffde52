using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using Orleans.Concurrency;

namespace MedPlatform.Identity;

[StatelessWorker, Reentrant]
public sealed class PatientsGrain(AuditLog audit, DoctorsPatients doctorsPatients, PlatformClock clock) : Grain, IPatientsGrain
{
    public async Task<PatientMatch> FindByEmail(Caller doctor, string email)
    {
        await RoleCheck.EnsureVerifiedDoctor(GrainFactory, doctor);
        var userId = await GrainFactory.GetGrain<IEmailIndexGrain>(AccountRules.EmailKey(email)).Find();
        var account = userId is null ? null : await GrainFactory.GetGrain<IUserGrain>(userId).Find();
        if (account is not { Role: Role.Patient })
        {
            // A miss is audited too: a doctor trying address after address is what the log is for.
            await audit.Record("patient.lookup.missed", doctor.UserId, "patient:by-email", doctor.ClientAddress);
            throw DomainException.NotFound("No patient has an account with this email address.");
        }
        await audit.Record("patient.looked-up", doctor.UserId, $"user:{account.Id}", doctor.ClientAddress, account.Id);
        return new PatientMatch(account.Id, account.DisplayName);
    }

    public async Task<IReadOnlyList<PatientMatch>> FindByName(Caller doctor, string name)
    {
        await RoleCheck.EnsureVerifiedDoctor(GrainFactory, doctor);
        if (name.Trim().Length is < DoctorsPatients.MinNameLength or > DoctorsPatients.MaxNameLength)
            throw DomainException.Invalid("q", $"Give {DoctorsPatients.MinNameLength} to {DoctorsPatients.MaxNameLength} letters of the patient's name.");
        var found = await doctorsPatients.Find(doctor.UserId, name);
        var now = clock.GetUtcNow();
        // Each patient shown is on record against the doctor, and so is a search that found no one.
        await audit.Record(found.Count == 0
            ? [new AuditEntry(now, doctor.UserId, "patient.search.missed", "patient:by-name", doctor.ClientAddress, null)]
            : found.Select(p => new AuditEntry(now, doctor.UserId, "patient.looked-up", $"user:{p.Id} by-name", doctor.ClientAddress, p.Id)).ToList());
        return found;
    }
}
