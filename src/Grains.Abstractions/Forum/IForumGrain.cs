using MedPlatform.Common;

namespace MedPlatform.Forum;

[GenerateSerializer, Immutable, Alias("MedPlatform.Department")]
public sealed record Department([property: Id(0)] string Id, [property: Id(1)] string Name);

/// <summary>What the thread list shows; from the forum read model, never by activating threads.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ThreadSummary")]
public sealed record ThreadSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Department,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] bool Anonymous,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] int AnswerCount,
    [property: Id(7)] bool HasAcceptedAnswer);

/// <summary>
/// Filters of the thread list. <see cref="Mine"/> means the viewer's own questions (a patient) or
/// the threads the viewer answered (a doctor).
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ThreadQuery")]
public sealed record ThreadQuery(
    [property: Id(0)] string? Department,
    [property: Id(1)] string? Text,
    [property: Id(2)] bool Mine,
    [property: Id(3)] PageRequest Paging);

/// <summary>The forum's lists and reference data.</summary>
public interface IForumGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<Department>> Departments();

    /// <summary>Newest first. <paramref name="viewer"/> is null for a visitor.</summary>
    Task<PagedResult<ThreadSummary>> ListThreads(Caller? viewer, ThreadQuery query);
}
