using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Identity;
using Orleans.Concurrency;

namespace MedPlatform.Forum;

[StatelessWorker, Reentrant]
public sealed class ForumGrain(DepartmentCatalog departments, ThreadDirectory directory, AuditLog audit, Hosting.PlatformClock clock)
    : Grain, IForumGrain
{
    public Task<IReadOnlyList<Department>> Departments() => departments.All();

    public async Task<PagedResult<ThreadSummary>> ListThreads(Caller? viewer, ThreadQuery query)
    {
        if (query.Department is not null && !await departments.Exists(query.Department))
            throw DomainException.Invalid("department", "There is no such department.");
        if (query.Mine && viewer is null)
            throw DomainException.Unauthorized("Sign in to list your own threads.");

        var page = await directory.List(query, viewer);
        // Staff see who asked an anonymous question; each time they do is on record.
        var revealed = page.Items.Where(row => AuthorNames.RevealsToStaff(viewer, row.AuthorId, row.Summary.Anonymous)).ToList();
        if (revealed.Count > 0)
        {
            var now = clock.GetUtcNow();
            await audit.Record(revealed.Select(row =>
                new AuditEntry(now, viewer!.UserId, "forum.thread.anonymous.listed", $"thread:{row.Summary.Id}", viewer.ClientAddress, row.AuthorId)).ToList());
        }

        var items = page.Items.Select(row => row.Summary with
        {
            AuthorName = AuthorNames.Listed(viewer, row.AuthorId, row.Summary.AuthorName, row.Summary.Anonymous),
        }).ToList();
        return new PagedResult<ThreadSummary>(items, page.Page, page.PageSize, page.TotalCount);
    }
}
