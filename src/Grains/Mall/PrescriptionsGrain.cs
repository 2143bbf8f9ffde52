using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Orleans.Concurrency;

namespace MedPlatform.Mall;

[StatelessWorker, Reentrant]
public sealed class PrescriptionsGrain(PrescriptionDirectory directory, AuditLog audit, PlatformClock clock) : Grain, IPrescriptionsGrain
{
    public async Task<PrescriptionView> Issue(Caller doctor, NewPrescription prescription)
    {
        PrescriptionRules.EnsureValid(prescription);
        string patientId;
        var hidden = false;
        if (prescription.ThreadId is { } threadId)
        {
            // The thread knows its author; the doctor learns who it is only if the thread is not anonymous.
            if (!ThreadIds.IsCanonical(threadId))
                throw DomainException.NotFound("No such thread.");
            (patientId, hidden) = await GrainFactory.GetGrain<IThreadGrain>(threadId).PrescriptionPatient(doctor);
        }
        else
        {
            patientId = prescription.PatientId!.Trim();
        }
        return await GrainFactory.GetGrain<IPrescriptionGrain>(ProductIds.New()).Issue(doctor, patientId, hidden, prescription);
    }

    public async Task<PagedResult<PrescriptionView>> List(Caller viewer, PageRequest paging)
    {
        if (viewer.Role is not (Role.Patient or Role.Doctor))
            throw DomainException.Forbidden("Patients list their prescriptions and doctors the ones they issued.");
        var page = await directory.List(viewer.UserId, byDoctor: viewer.Role == Role.Doctor, paging);
        var now = clock.GetUtcNow();
        if (page.Items.Count > 0)
        {
            await audit.Record(page.Items.Select(record =>
                new AuditEntry(now, viewer.UserId, "prescription.listed", $"prescription:{record.Id}", viewer.ClientAddress, record.PatientId)).ToList());
        }
        return new PagedResult<PrescriptionView>(page.Items.Select(record => record.ToView(viewer, now)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}
