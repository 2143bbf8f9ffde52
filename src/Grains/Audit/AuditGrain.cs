using MedPlatform.Common;
using MedPlatform.Identity;
using Orleans.Concurrency;

namespace MedPlatform.Audit;

[StatelessWorker, Reentrant]
public sealed class AuditGrain(AuditLog log, IGrainFactory grains) : Grain, IAuditGrain
{
    public Task Record(AuditEntry entry) => log.Record(entry);

    public async Task<PagedResult<AuditEntry>> Query(Caller admin, AuditQuery query)
    {
        await RoleCheck.EnsureAdmin(grains, admin);
        return await log.Query(query);
    }

    public Task<PagedResult<AccessLogEntry>> AccessLog(Caller patient, PageRequest paging) =>
        patient.Role == Role.Patient
            ? log.AccessLogOf(patient.UserId, paging)
            : throw DomainException.Forbidden("The access log is the patients'.");
}
