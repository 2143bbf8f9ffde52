using System.Text.Json.Serialization;

namespace MedPlatform.Forum;

/// <summary>A question as asked: validated at the Api, checked again by the Thread grain.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NewQuestion")]
public sealed record NewQuestion(
    [property: Id(0)] string Title,
    [property: Id(1)] string Body,
    [property: Id(2)] string Department,
    [property: Id(3)] bool Anonymous);

/// <summary>A thread as one particular viewer may see it (the author's name is already hidden where it must be).</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.ThreadView")]
public sealed record ThreadView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Body,
    [property: Id(3)] string Department,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] bool Anonymous,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] IReadOnlyList<AnswerView> Answers,
    [property: Id(8)] IReadOnlyList<FollowUpView> FollowUps,
    [property: Id(9)] string? AcceptedAnswerId,
    /// <summary>Whether the viewer asked this question (may follow up and accept).</summary>
    [property: Id(10), JsonPropertyName("askedByMe")] bool AskedByViewer);

[GenerateSerializer, Immutable, Alias("MedPlatform.AnswerView")]
public sealed record AnswerView(
    [property: Id(0)] string Id,
    [property: Id(1)] string DoctorId,
    [property: Id(2)] string DoctorName,
    [property: Id(3)] string Body,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] bool Accepted,
    [property: Id(6)] int Endorsements,
    [property: Id(7), JsonPropertyName("endorsedByMe")] bool EndorsedByViewer);

[GenerateSerializer, Immutable, Alias("MedPlatform.FollowUpView")]
public sealed record FollowUpView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Body,
    [property: Id(2)] DateTimeOffset CreatedAt);
