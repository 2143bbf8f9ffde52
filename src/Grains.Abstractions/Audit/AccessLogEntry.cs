using MedPlatform.Identity;

namespace MedPlatform.Audit;

/// <summary>
/// One line of a patient's access log: which member of staff or doctor (role and name, never their
/// address) read or changed one of the patient's prescriptions, orders or private threads, and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.AccessLogEntry")]
public sealed record AccessLogEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Role? ActorRole,
    /// <summary>As the account is named now; "Deleted user" for an account that was erased.</summary>
    [property: Id(2)] string ActorName,
    /// <summary>What was done, as the audit log names it (for example <c>prescription.viewed</c>, <c>order.approved</c>).</summary>
    [property: Id(3)] string Action,
    /// <summary>The record, for example <c>order:{id}</c>.</summary>
    [property: Id(4)] string? Target);
