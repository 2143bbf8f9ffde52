namespace MedPlatform.Common;

/// <summary>A page request, validated at the Api against the contract's bounds (page ≥ 1, 1 ≤ pageSize ≤ 100).</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.PageRequest")]
public sealed record PageRequest([property: Id(0)] int Page, [property: Id(1)] int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Offset => (Page - 1) * PageSize;
}

[GenerateSerializer, Immutable, Alias("MedPlatform.PagedResult`1")]
public sealed record PagedResult<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long TotalCount,
    /// <summary>
    /// The search as it was run when words of it were corrected (a catalog search for "nurofn" runs
    /// as "nurofen"), so the app can say so; null when it ran as typed.
    /// </summary>
    [property: Id(4)] string? SearchedFor = null);
