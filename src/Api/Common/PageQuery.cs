using System.ComponentModel;
using MedPlatform.Common;
using Microsoft.AspNetCore.Mvc;

namespace MedPlatform.Api.Common;

/// <summary>The contract's paging, bound from the query of every list (<c>[AsParameters]</c>).</summary>
public sealed record PageQuery(
    [FromQuery(Name = "page")][property: Description("The page, from 1 (default 1).")] int? Page,
    [FromQuery(Name = "pageSize")][property: Description("Items per page, 1 to 100 (default 20).")] int? PageSize)
{
    /// <summary>page ≥ 1, 1 ≤ pageSize ≤ 100; anything else is a 400 naming the field.</summary>
    public PageRequest ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1) errors["page"] = ["Pages are numbered from 1."];
        if (PageSize is < 1 or > PageRequest.MaxPageSize) errors["pageSize"] = [$"Use a page size from 1 to {PageRequest.MaxPageSize}."];
        if (errors.Count > 0) throw DomainException.Invalid(errors);
        return new PageRequest(Page ?? 1, PageSize ?? PageRequest.DefaultPageSize);
    }
}
