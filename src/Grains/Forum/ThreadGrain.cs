using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Notifications;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Forum;

public sealed partial class ThreadGrain(
    [PersistentState("thread", StorageNames.Forum)] IPersistentState<ThreadState> state,
    DepartmentCatalog departments,
    ThreadDirectory directory,
    AuditLog audit,
    PlatformClock clock,
    Notifier notifier,
    ILogger<ThreadGrain> logger) : Grain, IThreadGrain
{
    private string Id => this.GetPrimaryKeyString();
    private ThreadState Thread => state.State;
    private bool Exists => Thread.Exists && ThreadIds.IsCanonical(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The read model converges even if a silo died between saving a change and projecting it.
        if (Exists)
            await Project();
    }

    public async Task<ThreadView> Ask(Caller patient, NewQuestion question)
    {
        if (!ThreadIds.IsCanonical(Id))
            throw new ArgumentException($"'{Id}' is not a thread id.");
        if (patient.Role != Role.Patient)
            throw DomainException.Forbidden("Only patients ask questions.");
        if (Thread.Exists)
            throw DomainException.Conflict("A thread with this id already exists.");
        ForumRules.EnsureValid(question);
        if (!await departments.Exists(question.Department))
            throw DomainException.Invalid("department", "Choose one of the forum's departments.");
        var author = await Account(patient) ?? throw DomainException.Forbidden("Only patients ask questions.");
        if (!author.EmailVerified)
            throw DomainException.EmailNotVerified("Confirm your email address before you ask a question: open the link we mailed you, or ask for a new one.");

        state.State = new ThreadState
        {
            Title = question.Title.Trim(),
            Body = question.Body.Trim(),
            Department = question.Department,
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            Anonymous = question.Anonymous,
            CreatedAt = clock.GetUtcNow(),
        };
        await this.Save(state);
        await Project();
        return ViewFor(patient);
    }

    public async Task<ThreadView?> View(Caller? viewer)
    {
        if (!Exists)
            return null;
        if (AuthorNames.RevealsToStaff(viewer, Thread.AuthorId!, Thread.Anonymous))
            await audit.Record("forum.thread.anonymous.viewed", viewer!.UserId, $"thread:{Id}", viewer.ClientAddress, Thread.AuthorId);
        return ViewFor(viewer);
    }

    public async Task<AnswerView> Answer(Caller doctor, string body)
    {
        EnsureExists();
        var account = await VerifiedDoctor(doctor, "Only verified doctors answer questions.");
        ForumRules.EnsureValidBody(body, ForumRules.AnswerMaxLength);

        var answer = new AnswerRecord
        {
            Id = ThreadIds.New(),
            DoctorId = account.Id,
            DoctorName = account.DisplayName,
            Body = body.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        Thread.Answers.Add(answer);
        await this.Save(state);
        await Project();
        await audit.Record("forum.answer.posted", doctor.UserId, $"thread:{Id} answer:{answer.Id}", doctor.ClientAddress, Thread.AuthorId);
        await TellAnswered(answer);
        return ToView(answer, doctor);
    }

    public async Task<FollowUpView> FollowUp(Caller author, string body)
    {
        EnsureExists();
        EnsureAuthor(author, "Only the person who asked may add a follow-up question.");
        ForumRules.EnsureValidBody(body, ForumRules.FollowUpMaxLength);

        var followUp = new FollowUpRecord { Id = ThreadIds.New(), Body = body.Trim(), CreatedAt = clock.GetUtcNow() };
        Thread.FollowUps.Add(followUp);
        await this.Save(state);
        await TellFollowedUp(followUp);
        return new FollowUpView(followUp.Id, followUp.Body, followUp.CreatedAt);
    }

    public async Task<ThreadView> Accept(Caller author, string answerId)
    {
        EnsureExists();
        EnsureAuthor(author, "Only the person who asked may accept an answer.");
        var answer = FindAnswer(answerId);
        if (Thread.AcceptedAnswerId != answer.Id)
        {
            Thread.AcceptedAnswerId = answer.Id;
            await this.Save(state);
            await Project();
            await audit.Record("forum.answer.accepted", author.UserId, $"thread:{Id} answer:{answer.Id}", author.ClientAddress, answer.DoctorId);
            await TellAccepted(answer);
        }
        return ViewFor(author);
    }

    public async Task<AnswerView> Endorse(Caller doctor, string answerId)
    {
        EnsureExists();
        var answer = FindAnswer(answerId);
        var endorser = await VerifiedDoctor(doctor, "Only verified doctors endorse answers.");
        if (answer.DoctorId == doctor.UserId)
            throw DomainException.Forbidden("Doctors endorse other doctors' answers, not their own.");
        if (!answer.EndorsedBy.Contains(doctor.UserId))
        {
            answer.EndorsedBy.Add(doctor.UserId);
            await this.Save(state);
            await audit.Record("forum.answer.endorsed", doctor.UserId, $"thread:{Id} answer:{answer.Id}", doctor.ClientAddress, answer.DoctorId);
            await TellEndorsed(answer, endorser.DisplayName);
        }
        return ToView(answer, doctor);
    }

    public Task<(string PatientId, bool Anonymous)> PrescriptionPatient(Caller doctor)
    {
        EnsureExists();
        if (!Thread.Answers.Any(a => a.DoctorId == doctor.UserId))
            throw DomainException.Forbidden("Doctors prescribe through the threads they answered.");
        return Task.FromResult((Thread.AuthorId!, Thread.Anonymous));
    }

    private ThreadView ViewFor(Caller? viewer) =>
        new(Id, Thread.Title, Thread.Body, Thread.Department,
            AuthorNames.Shown(viewer, Thread.AuthorId!, Thread.AuthorName, Thread.Anonymous),
            Thread.Anonymous, Thread.CreatedAt,
            Thread.Answers.Select(a => ToView(a, viewer)).ToList(),
            Thread.FollowUps.Select(f => new FollowUpView(f.Id, f.Body, f.CreatedAt)).ToList(),
            Thread.AcceptedAnswerId,
            viewer?.UserId == Thread.AuthorId);

    private AnswerView ToView(AnswerRecord answer, Caller? viewer) =>
        new(answer.Id, answer.DoctorId, answer.DoctorName, answer.Body, answer.CreatedAt,
            answer.Id == Thread.AcceptedAnswerId, answer.EndorsedBy.Count,
            viewer is not null && answer.EndorsedBy.Contains(viewer.UserId));

    /// <summary>The account behind the caller, read from its User grain (the token's claims may be stale).</summary>
    private Task<UserView?> Account(Caller caller) => GrainFactory.GetGrain<IUserGrain>(caller.UserId).Find();

    private async Task<UserView> VerifiedDoctor(Caller caller, string refusal)
    {
        if (caller.Role != Role.Doctor)
            throw DomainException.Forbidden(refusal);
        var account = await Account(caller);
        return account is { Role: Role.Doctor, Verified: true } ? account : throw DomainException.Forbidden(refusal);
    }

    private AnswerRecord FindAnswer(string answerId) =>
        Thread.Answers.Find(a => a.Id == answerId) ?? throw DomainException.NotFound("No such answer in this thread.");

    private void EnsureExists()
    {
        if (!Exists)
            throw DomainException.NotFound("No such thread.");
    }

    private Task Project() => this.Project(() => directory.Upsert(ThreadProjection.From(Id, Thread)), logger);

    private void EnsureAuthor(Caller caller, string refusal)
    {
        if (caller.UserId != Thread.AuthorId)
            throw DomainException.Forbidden(refusal);
    }
}
