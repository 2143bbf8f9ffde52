using MedPlatform.Common;

namespace MedPlatform.Audit;

/// <summary>Reads and appends to the audit log from anywhere in the cluster.</summary>
public interface IAuditGrain : IGrainWithIntegerKey
{
    Task Record(AuditEntry entry);

    /// <summary>Admin only: newest first; <see cref="AuditQuery.UserId"/> matches the actor or the user concerned.</summary>
    Task<PagedResult<AuditEntry>> Query(Caller admin, AuditQuery query);

    /// <summary>
    /// A patient's own access log, newest first: others' reads and changes of their health data.
    /// Their own reads are not listed.
    /// </summary>
    Task<PagedResult<AccessLogEntry>> AccessLog(Caller patient, PageRequest paging);
}
