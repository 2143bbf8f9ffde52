using MedPlatform.Notifications;

namespace MedPlatform.Forum;

/// <summary>
/// Who hears of what happens in a thread. The words name no patient and quote no question: an
/// anonymous asker stays anonymous to the doctors told, and a mail says only that something happened.
/// </summary>
public sealed partial class ThreadGrain
{
    private string Path => $"/forum/threads/{Id}";

    private Task TellAnswered(AnswerRecord answer) =>
        Tell(Thread.AuthorId!, new NewNotification($"forum-answer:{answer.Id}", NotificationKind.QuestionAnswered,
            "A doctor answered your question", $"{answer.DoctorName} answered your question in the MedPlatform forum. Open it to read the answer.", Path));

    private Task TellFollowedUp(FollowUpRecord followUp) =>
        Task.WhenAll(Thread.Answers.Select(a => a.DoctorId).Distinct().Select(doctorId =>
            Tell(doctorId, new NewNotification($"forum-follow-up:{followUp.Id}", NotificationKind.FollowUp,
                "A follow-up on a question you answered", "The patient you answered asked a follow-up question.", Path))));

    private Task TellAccepted(AnswerRecord answer) =>
        Tell(answer.DoctorId, new NewNotification($"forum-accepted:{answer.Id}", NotificationKind.AnswerAccepted,
            "Your answer was accepted", "The patient who asked marked your answer as the one that helped.", Path));

    private Task TellEndorsed(AnswerRecord answer, string endorserName) =>
        Tell(answer.DoctorId, new NewNotification($"forum-endorsed:{answer.Id}:{answer.EndorsedBy[^1]}", NotificationKind.AnswerEndorsed,
            "A doctor endorsed your answer", $"{endorserName} endorsed your answer in the forum.", Path));

    private Task Tell(string userId, NewNotification notification) => notifier.Tell(userId, notification);
}
