using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Notifications;
using MedPlatform.Orders;
using Orleans.Concurrency;

namespace MedPlatform.Privacy;

/// <summary>
/// Gathers a person's data from the grains and read models that hold it, asking each as the person
/// (so each applies its own ownership rules, and nothing the person may not see can be in it).
/// </summary>
[StatelessWorker, Reentrant]
public sealed class PrivacyGrain(AuditLog audit, PlatformClock clock) : Grain, IPrivacyGrain
{
    public async Task<PersonalData> Export(Caller caller)
    {
        var account = await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Find() ?? throw DomainException.NotFound("No such account.");
        var patient = caller.Role == Role.Patient;
        var notifications = GrainFactory.GetGrain<INotificationsGrain>(caller.UserId);
        var data = new PersonalData(
            clock.GetUtcNow(),
            account,
            await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Sessions(caller, null),
            patient ? await OwnThreads(caller) : [],
            caller.Role == Role.Doctor ? await OwnAnswers(caller) : [],
            patient ? await AllPages(paging => GrainFactory.GetGrain<IPrescriptionsGrain>(0).List(caller, paging)) : [],
            patient ? await GrainFactory.GetGrain<ICartGrain>(caller.UserId).View(caller) : null,
            patient ? await Orders(caller) : [],
            patient ? await GrainFactory.GetGrain<IAddressBookGrain>(caller.UserId).List(caller) : [],
            await AllPages(async paging =>
            {
                var list = await notifications.List(caller, unreadOnly: false, paging);
                return new PagedResult<NotificationView>(list.Items, list.Page, list.PageSize, list.TotalCount);
            }),
            await notifications.Settings(caller),
            patient ? await AllPages(paging => audit.AccessLogOf(caller.UserId, paging)) : []);
        await audit.Record("privacy.exported", caller.UserId, $"user:{caller.UserId}", caller.ClientAddress);
        return data;
    }

    private async Task<IReadOnlyList<ThreadView>> OwnThreads(Caller patient)
    {
        var summaries = await AllPages(paging => GrainFactory.GetGrain<IForumGrain>(0).ListThreads(patient, new ThreadQuery(null, null, Mine: true, paging)));
        var threads = await Task.WhenAll(summaries.Select(s => GrainFactory.GetGrain<IThreadGrain>(s.Id).View(patient)));
        return [.. threads.OfType<ThreadView>()];
    }

    private async Task<IReadOnlyList<ExportedAnswer>> OwnAnswers(Caller doctor)
    {
        var answered = await AllPages(paging => GrainFactory.GetGrain<IForumGrain>(0).ListThreads(doctor, new ThreadQuery(null, null, Mine: true, paging)));
        var threads = await Task.WhenAll(answered.Select(s => GrainFactory.GetGrain<IThreadGrain>(s.Id).View(doctor)));
        return [.. threads.OfType<ThreadView>().SelectMany(t => t.Answers.Where(a => a.DoctorId == doctor.UserId).Select(a => new ExportedAnswer(t.Id, a)))];
    }

    /// <summary>Every order, declined payments (listed apart in the app) included.</summary>
    private async Task<IReadOnlyList<OrderView>> Orders(Caller patient)
    {
        var orders = GrainFactory.GetGrain<IOrdersGrain>(0);
        return
        [
            .. await AllPages(paging => orders.Mine(patient, new OrderQuery(null, paging))),
            .. await AllPages(paging => orders.Mine(patient, new OrderQuery(OrderStatus.PaymentFailed, paging))),
        ];
    }

    private static async Task<IReadOnlyList<T>> AllPages<T>(Func<PageRequest, Task<PagedResult<T>>> page)
    {
        var all = new List<T>();
        for (var number = 1; ; number++)
        {
            var result = await page(new PageRequest(number, PageRequest.MaxPageSize));
            all.AddRange(result.Items);
            if (result.Items.Count < PageRequest.MaxPageSize || all.Count >= result.TotalCount)
                return all;
        }
    }
}
