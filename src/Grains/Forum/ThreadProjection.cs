namespace MedPlatform.Forum;

/// <summary>
/// What the forum read model stores for lists and search: one row per thread, the real author
/// name with the anonymity flag (the name is hidden when a list is read), who answered, and the
/// answers' text, which search matches too.
/// </summary>
public sealed record ThreadProjection(
    string Id, string Department, string Title, string Body, string AuthorId, string AuthorName, bool Anonymous,
    DateTimeOffset CreatedAt, int AnswerCount, bool HasAcceptedAnswer, IReadOnlyList<string> AnsweringDoctorIds, string AnswersText)
{
    public static ThreadProjection From(string id, ThreadState thread) =>
        new(id, thread.Department, thread.Title, thread.Body, thread.AuthorId!, thread.AuthorName, thread.Anonymous,
            thread.CreatedAt, thread.Answers.Count, thread.AcceptedAnswerId is not null,
            thread.Answers.Select(a => a.DoctorId).Distinct().ToList(), string.Join("\n\n", thread.Answers.Select(a => a.Body)));
}
