using MedPlatform.Common;

namespace MedPlatform.Api.Common;

public static class Paging
{
    /// <summary>The contract's paging: page ≥ 1 (default 1), 1 ≤ pageSize ≤ 100 (default 20); anything else is a 400.</summary>
    public static PageRequest From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["Pages are numbered from 1."];
        if (pageSize is < 1 or > PageRequest.MaxPageSize) errors["pageSize"] = [$"Use a page size from 1 to {PageRequest.MaxPageSize}."];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        return new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize);
    }
}

/// <summary>The contract's paged list: <c>{ items, page, pageSize, totalCount }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public static Paged<T> From<TSource>(PagedResult<TSource> result, Func<TSource, T> map) =>
        new(result.Items.Select(map).ToList(), result.Page, result.PageSize, result.TotalCount);
}
