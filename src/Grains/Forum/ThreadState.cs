namespace MedPlatform.Forum;

[GenerateSerializer, Alias("MedPlatform.ThreadState")]
public sealed class ThreadState
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public string Body { get; set; } = "";
    [Id(2)] public string Department { get; set; } = "";
    /// <summary>Null while the thread does not exist.</summary>
    [Id(3)] public string? AuthorId { get; set; }
    /// <summary>The author's display name when they asked; shown unless the thread is anonymous.</summary>
    [Id(4)] public string AuthorName { get; set; } = "";
    [Id(5)] public bool Anonymous { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public List<AnswerRecord> Answers { get; set; } = [];
    [Id(8)] public List<FollowUpRecord> FollowUps { get; set; } = [];
    [Id(9)] public string? AcceptedAnswerId { get; set; }

    public bool Exists => AuthorId is not null;
}

[GenerateSerializer, Alias("MedPlatform.AnswerRecord")]
public sealed class AnswerRecord
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string DoctorId { get; set; } = "";
    [Id(2)] public string DoctorName { get; set; } = "";
    [Id(3)] public string Body { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The doctors who agreed with this answer, each once.</summary>
    [Id(5)] public List<string> EndorsedBy { get; set; } = [];
}

[GenerateSerializer, Alias("MedPlatform.FollowUpRecord")]
public sealed class FollowUpRecord
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string Body { get; set; } = "";
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
