using MedPlatform.Audit;
using MedPlatform.Common;
using Orleans.Concurrency;

namespace MedPlatform.Identity;

[StatelessWorker, Reentrant]
public sealed class PatientsGrain(AuditLog audit) : Grain, IPatientsGrain
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
}
