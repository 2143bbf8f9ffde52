using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;
using MedPlatform.Mall;
using MedPlatform.Notifications;
using MedPlatform.Orders;

namespace MedPlatform.Privacy;

/// <summary>
/// Everything the platform holds about one person, as one document (GDPR articles 15 and 20): the
/// records as the person sees them in the app. Nothing about anyone else: a doctor's name on a
/// prescription or an answer is there, another patient's question is not.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.PersonalData")]
public sealed record PersonalData(
    [property: Id(0)] DateTimeOffset ExportedAt,
    [property: Id(1)] UserView Account,
    [property: Id(2)] IReadOnlyList<SessionView> Sessions,
    /// <summary>A patient's own questions (anonymous ones too) with their answers and follow-ups.</summary>
    [property: Id(3)] IReadOnlyList<ThreadView> Threads,
    /// <summary>A doctor's own answers, with the thread each answers (its question is the asker's, so it is left out).</summary>
    [property: Id(4)] IReadOnlyList<ExportedAnswer> Answers,
    [property: Id(5)] IReadOnlyList<PrescriptionView> Prescriptions,
    [property: Id(6)] CartView? Cart,
    /// <summary>Every order with its history, declined payments included.</summary>
    [property: Id(7)] IReadOnlyList<OrderView> Orders,
    [property: Id(8)] IReadOnlyList<SavedAddress> Addresses,
    [property: Id(9)] IReadOnlyList<NotificationView> Notifications,
    [property: Id(10)] NotificationSettings NotificationSettings,
    /// <summary>Who read or changed the patient's health data.</summary>
    [property: Id(11)] IReadOnlyList<AccessLogEntry> AccessLog);

[GenerateSerializer, Immutable, Alias("MedPlatform.ExportedAnswer")]
public sealed record ExportedAnswer([property: Id(0)] string ThreadId, [property: Id(1)] AnswerView Answer);

/// <summary>A person's rights over their data: a copy of it (and, later, erasure).</summary>
public interface IPrivacyGrain : IGrainWithIntegerKey
{
    /// <summary>Everything held about the caller, gathered from every module (audited as an event).</summary>
    Task<PersonalData> Export(Caller caller);
}
