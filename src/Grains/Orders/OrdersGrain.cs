using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Orleans.Concurrency;

namespace MedPlatform.Orders;

[StatelessWorker, Reentrant]
public sealed class OrdersGrain(OrderDirectory directory, AuditLog audit, PlatformClock clock) : Grain, IOrdersGrain
{
    public Task<PagedResult<OrderView>> Mine(Caller patient, OrderQuery query) =>
        patient.Role == Role.Patient
            ? directory.Mine(patient.UserId, query.Status, query.Paging)
            : throw DomainException.Forbidden("Patients list their own orders.");

    public async Task<PagedResult<OrderView>> Queue(Caller staff, OrderQuery query)
    {
        await RoleCheck.EnsureStaff(GrainFactory, staff);
        var page = query.Number is { } number ? await directory.ByNumber(number, query.Paging) : await directory.Queue(query.Status, query.Paging);
        if (page.Items.Count > 0)
        {
            // Orders name the medicines a patient takes: each one shown to staff is on record.
            var now = clock.GetUtcNow();
            await audit.Record(page.Items.Select(order =>
                new AuditEntry(now, staff.UserId, "order.listed", $"order:{order.Id}", staff.ClientAddress, order.PatientId)).ToList());
        }
        return page;
    }
}
