using MedPlatform.Common;

namespace MedPlatform.Forum;

/// <summary>
/// One question thread, keyed by thread id (32 lowercase hex digits). Owns the question, the
/// answers, follow-ups, the accepted answer and endorsements, and decides who may do what.
/// </summary>
public interface IThreadGrain : IGrainWithStringKey
{
    /// <summary>A patient asks; the grain's id becomes the thread's id. 409 if the id is taken.</summary>
    Task<ThreadView> Ask(Caller patient, NewQuestion question);

    /// <summary>The thread as <paramref name="viewer"/> (null: a visitor) may see it, or null if there is none.</summary>
    Task<ThreadView?> View(Caller? viewer);

    /// <summary>Verified doctors only.</summary>
    Task<AnswerView> Answer(Caller doctor, string body);

    /// <summary>The thread's author only.</summary>
    Task<FollowUpView> FollowUp(Caller author, string body);

    /// <summary>The thread's author marks one answer as accepted (choosing another moves the mark).</summary>
    Task<ThreadView> Accept(Caller author, string answerId);

    /// <summary>A verified doctor agrees with another doctor's answer; once per doctor.</summary>
    Task<AnswerView> Endorse(Caller doctor, string answerId);

    /// <summary>
    /// Who a doctor who answered this thread may prescribe for: the author's id and whether the
    /// thread is anonymous. Called inside the silo only, so the id never reaches the doctor. 404 if
    /// there is no thread, 403 if the doctor did not answer it.
    /// </summary>
    Task<(string PatientId, bool Anonymous)> PrescriptionPatient(Caller doctor);
}
