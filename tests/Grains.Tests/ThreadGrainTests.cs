using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class ThreadGrainTests(GrainTestCluster cluster)
{
    [Fact]
    public async Task A_patient_asks_and_everyone_reads_the_question_with_the_authors_name()
    {
        var author = await Patient(cluster);
        var (thread, asked) = await Ask(cluster, author);

        var seenByVisitor = await thread.View(null);

        Assert.Equal(asked.Id, seenByVisitor!.Id);
        Assert.Equal("Test Patient", seenByVisitor.AuthorName);
        Assert.False(seenByVisitor.AskedByViewer);
        Assert.True(asked.AskedByViewer);
        Assert.Equal(cluster.Clock.GetUtcNow(), asked.CreatedAt);
    }

    [Fact]
    public async Task An_anonymous_question_shows_its_author_only_to_the_author_and_staff()
    {
        var author = await Patient(cluster);
        var (thread, _) = await Ask(cluster, author, Question(anonymous: true));

        Assert.Equal(AuthorNames.Anonymous, (await thread.View(null))!.AuthorName);
        Assert.Equal(AuthorNames.Anonymous, (await thread.View(await Patient(cluster)))!.AuthorName);
        Assert.Equal(AuthorNames.Anonymous, (await thread.View(await Doctor(cluster)))!.AuthorName);
        Assert.Equal("Test Patient", (await thread.View(author))!.AuthorName);
        Assert.Equal("Test Patient", (await thread.View(await Staff(cluster, Role.Pharmacist)))!.AuthorName);
    }

    [Fact]
    public async Task Staff_reading_an_anonymous_question_is_audited()
    {
        var author = await Patient(cluster);
        var (thread, asked) = await Ask(cluster, author, Question(anonymous: true));
        var admin = await Staff(cluster, Role.Admin);

        await thread.View(admin);

        var log = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(author.UserId, "forum.thread.anonymous.viewed", new PageRequest(1, 10)));
        var entry = Assert.Single(log.Items);
        Assert.Equal(admin.UserId, entry.ActorId);
        Assert.Equal($"thread:{asked.Id}", entry.Target);
    }

    [Fact]
    public async Task Only_verified_doctors_answer()
    {
        var (thread, _) = await Ask(cluster, await Patient(cluster));

        await Refused(ProblemKind.Forbidden, async () => await thread.Answer(await Doctor(cluster, verified: false), "Try an emollient."));
        await Refused(ProblemKind.Forbidden, async () => await thread.Answer(await Patient(cluster), "Try an emollient."));
        await Refused(ProblemKind.Forbidden, async () => await thread.Answer(await Staff(cluster, Role.Admin), "Try an emollient."));
        var answer = await thread.Answer(await Doctor(cluster), "Try an emollient.");

        Assert.Equal("Test Doctor", answer.DoctorName);
        Assert.Single((await thread.View(null))!.Answers);
    }

    [Fact]
    public async Task A_doctor_who_claims_to_be_verified_but_is_not_is_refused()
    {
        var (thread, _) = await Ask(cluster, await Patient(cluster));
        var unverified = await Doctor(cluster, verified: false);

        await Refused(ProblemKind.Forbidden, () => thread.Answer(unverified, "Try an emollient."));
    }

    [Fact]
    public async Task Only_the_author_follows_up_and_accepts()
    {
        var author = await Patient(cluster);
        var (thread, _) = await Ask(cluster, author);
        var answer = await thread.Answer(await Doctor(cluster), "Try an emollient.");
        var stranger = await Patient(cluster);

        await Refused(ProblemKind.Forbidden, () => thread.FollowUp(stranger, "And what about at night?"));
        await Refused(ProblemKind.Forbidden, () => thread.Accept(stranger, answer.Id));
        await thread.FollowUp(author, "And what about at night?");
        var accepted = await thread.Accept(author, answer.Id);

        Assert.Equal(answer.Id, accepted.AcceptedAnswerId);
        Assert.True(accepted.Answers.Single().Accepted);
        Assert.Single(accepted.FollowUps);
    }

    [Fact]
    public async Task Accepting_another_answer_moves_the_one_accepted_mark()
    {
        var author = await Patient(cluster);
        var (thread, _) = await Ask(cluster, author);
        var first = await thread.Answer(await Doctor(cluster), "Try an emollient.");
        var second = await thread.Answer(await Doctor(cluster), "See a dermatologist.");
        await thread.Accept(author, first.Id);

        var view = await thread.Accept(author, second.Id);

        Assert.Equal([second.Id], view.Answers.Where(a => a.Accepted).Select(a => a.Id));
    }

    [Fact]
    public async Task A_second_endorsement_by_the_same_doctor_changes_nothing()
    {
        var (thread, _) = await Ask(cluster, await Patient(cluster));
        var answer = await thread.Answer(await Doctor(cluster), "Try an emollient.");
        var colleague = await Doctor(cluster);

        var once = await thread.Endorse(colleague, answer.Id);
        var twice = await thread.Endorse(colleague, answer.Id);

        Assert.Equal(1, once.Endorsements);
        Assert.Equal(1, twice.Endorsements);
        Assert.True(twice.EndorsedByViewer);
        Assert.Equal(2, (await thread.Endorse(await Doctor(cluster), answer.Id)).Endorsements);
    }

    [Fact]
    public async Task Doctors_do_not_endorse_their_own_answers_and_unverified_ones_not_at_all()
    {
        var (thread, _) = await Ask(cluster, await Patient(cluster));
        var doctor = await Doctor(cluster);
        var answer = await thread.Answer(doctor, "Try an emollient.");

        await Refused(ProblemKind.Forbidden, () => thread.Endorse(doctor, answer.Id));
        await Refused(ProblemKind.Forbidden, async () => await thread.Endorse(await Doctor(cluster, verified: false), answer.Id));
        await Refused(ProblemKind.NotFound, () => thread.Endorse(doctor, ThreadIds.New()));
    }

    [Fact]
    public async Task Questions_outside_the_limits_are_refused_field_by_field()
    {
        var author = await Patient(cluster);

        var refusal = await Refused(ProblemKind.Invalid, async () => await Ask(cluster, author,
            Question(title: "Rash", body: new string('x', ForumRules.QuestionMaxLength + 1), department: "astrology")));

        Assert.Contains("title", refusal.Errors!.Keys);
        Assert.Contains("body", refusal.Errors.Keys);
        var department = await Refused(ProblemKind.Invalid, async () => await Ask(cluster, author, Question(department: "astrology")));
        Assert.Contains("department", department.Errors!.Keys);
    }

    [Fact]
    public async Task Text_is_kept_exactly_as_written()
    {
        const string body = "Is <b>this</b> & \"that\" normal?\nSecond line\twith a tab.";
        var (thread, _) = await Ask(cluster, await Patient(cluster), Question(body: body));

        Assert.Equal(body, (await thread.View(null))!.Body);
    }

    [Fact]
    public async Task Answering_and_accepting_are_audited()
    {
        var author = await Patient(cluster);
        var (thread, asked) = await Ask(cluster, author);
        var doctor = await Doctor(cluster);
        var answer = await thread.Answer(doctor, "Try an emollient.");
        await thread.Accept(author, answer.Id);
        var admin = await Staff(cluster, Role.Admin);

        var byDoctor = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(doctor.UserId, null, new PageRequest(1, 10)));

        Assert.Contains(byDoctor.Items, e => e.Action == "forum.answer.posted" && e.Target == $"thread:{asked.Id} answer:{answer.Id}");
        Assert.Contains(byDoctor.Items, e => e.Action == "forum.answer.accepted" && e.ActorId == author.UserId);
    }
}
