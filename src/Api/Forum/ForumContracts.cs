using MedPlatform.Forum;

namespace MedPlatform.Api.Forum;

// The JSON shapes of the forum endpoints (see shared/API.md). Request fields are nullable so a
// missing field is reported as a per-field 400.

public sealed record AskRequest(string? Title, string? Body, string? Department, bool? Anonymous);

public sealed record PostRequest(string? Body);

public sealed record DepartmentResponse(string Id, string Name);

public sealed record ThreadSummaryResponse(
    string Id, string Title, string Department, string AuthorName, bool Anonymous, DateTimeOffset CreatedAt,
    int AnswerCount, bool HasAcceptedAnswer)
{
    public static ThreadSummaryResponse From(ThreadSummary t) =>
        new(t.Id, t.Title, t.Department, t.AuthorName, t.Anonymous, t.CreatedAt, t.AnswerCount, t.HasAcceptedAnswer);
}

public sealed record AnswerResponse(
    string Id, string DoctorId, string DoctorName, string Body, DateTimeOffset CreatedAt, bool Accepted, int Endorsements, bool EndorsedByMe)
{
    public static AnswerResponse From(AnswerView a) =>
        new(a.Id, a.DoctorId, a.DoctorName, a.Body, a.CreatedAt, a.Accepted, a.Endorsements, a.EndorsedByViewer);
}

public sealed record FollowUpResponse(string Id, string Body, DateTimeOffset CreatedAt)
{
    public static FollowUpResponse From(FollowUpView f) => new(f.Id, f.Body, f.CreatedAt);
}

public sealed record ThreadResponse(
    string Id, string Title, string Body, string Department, string AuthorName, bool Anonymous, DateTimeOffset CreatedAt,
    IReadOnlyList<AnswerResponse> Answers, IReadOnlyList<FollowUpResponse> FollowUps, string? AcceptedAnswerId, bool AskedByMe)
{
    public static ThreadResponse From(ThreadView t) =>
        new(t.Id, t.Title, t.Body, t.Department, t.AuthorName, t.Anonymous, t.CreatedAt,
            t.Answers.Select(AnswerResponse.From).ToList(), t.FollowUps.Select(FollowUpResponse.From).ToList(),
            t.AcceptedAnswerId, t.AskedByViewer);
}
