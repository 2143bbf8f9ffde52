namespace MedPlatform.Audit;

/// <summary>One line of the append-only audit log: who did what to which record, when, from where.</summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? ActorId,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Target,
    [property: Id(4)] string? Ip,
    /// <summary>The user the record concerns (the account signed in to, the doctor verified), for filtering by user.</summary>
    [property: Id(5)] string? SubjectUserId = null);

[GenerateSerializer, Immutable, Alias("MedPlatform.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? UserId,
    [property: Id(1)] string? Action,
    [property: Id(2)] Common.PageRequest Paging);
