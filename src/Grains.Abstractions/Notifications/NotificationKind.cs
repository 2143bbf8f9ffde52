namespace MedPlatform.Notifications;

/// <summary>What a notification is about; each can be switched off per channel (in the app, by email).</summary>
[GenerateSerializer, Alias("MedPlatform.NotificationKind")]
public enum NotificationKind
{
    /// <summary>To the asker (anonymous askers too): a doctor answered the question.</summary>
    QuestionAnswered = 1,
    /// <summary>To each doctor who answered: the asker followed up.</summary>
    FollowUp = 2,
    AnswerAccepted = 3,
    AnswerEndorsed = 4,
    PrescriptionIssued = 5,
    OrderPaid = 6,
    OrderAwaitingReview = 7,
    OrderRejected = 8,
    OrderShipped = 9,
    OrderDelivered = 10,
    OrderRefunded = 11,
    OrderPaymentFailed = 12,
    DoctorVerified = 13,
    /// <summary>To pharmacists: orders wait for review, gathered into one notification every few minutes, not one per order.</summary>
    ReviewQueue = 14,
}
