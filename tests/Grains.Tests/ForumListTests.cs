using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class ForumListTests(GrainTestCluster cluster)
{
    private IForumGrain Forum => cluster.Grains.GetGrain<IForumGrain>(0);

    private static ThreadQuery Query(string? department = null, string? text = null, bool mine = false, int page = 1, int size = 20) =>
        new(department, text, mine, new PageRequest(page, size));

    [Fact]
    public async Task The_departments_are_seeded()
    {
        var departments = await Forum.Departments();

        Assert.Contains(departments, d => d.Id == "general-practice");
        Assert.Contains(departments, d => d.Id == "gynaecology-obstetrics");
        Assert.Contains(departments, d => d.Id == "mental-health");
        Assert.True(departments.Count >= 7);
    }

    [Fact]
    public async Task Search_finds_words_and_word_beginnings_in_title_and_body_newest_first()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var author = await Patient(cluster);
        var (_, inTitle) = await Ask(cluster, author, Question(title: $"Question about {marker} tablets"));
        var (_, inBody) = await Ask(cluster, author, Question(body: $"I was given {marker}ine by my GP."));
        await Ask(cluster, author, Question(body: "Nothing to see here."));

        var found = await Forum.ListThreads(null, Query(text: marker));

        Assert.Equal([inBody.Id, inTitle.Id], found.Items.Select(t => t.Id));
        Assert.Equal(2, found.TotalCount);
        Assert.Empty((await Forum.ListThreads(null, Query(text: marker + " unrelatedword"))).Items);
    }

    [Fact]
    public async Task The_department_filter_and_answer_counts_come_from_the_read_model()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var author = await Patient(cluster);
        var (thread, asked) = await Ask(cluster, author, Question(title: $"Teeth {marker}", department: "dentistry"));
        await Ask(cluster, author, Question(title: $"Skin {marker}", department: "dermatology"));
        var answer = await thread.Answer(await Doctor(cluster), "Use a soft brush.");
        await thread.Accept(author, answer.Id);

        var dentistry = await Forum.ListThreads(null, Query(department: "dentistry", text: marker));

        var summary = Assert.Single(dentistry.Items);
        Assert.Equal(asked.Id, summary.Id);
        Assert.Equal(1, summary.AnswerCount);
        Assert.True(summary.HasAcceptedAnswer);
    }

    [Fact]
    public async Task Mine_is_a_patients_own_questions_and_the_threads_a_doctor_answered()
    {
        var patient = await Patient(cluster);
        var doctor = await Doctor(cluster);
        var (first, own) = await Ask(cluster, patient);
        await Ask(cluster, await Patient(cluster));
        await first.Answer(doctor, "Try an emollient.");

        var patientsOwn = await Forum.ListThreads(patient, Query(mine: true));
        var doctorsAnswered = await Forum.ListThreads(doctor, Query(mine: true));

        Assert.Equal([own.Id], patientsOwn.Items.Select(t => t.Id));
        Assert.Equal([own.Id], doctorsAnswered.Items.Select(t => t.Id));
        await Refused(ProblemKind.Unauthorized, () => Forum.ListThreads(null, Query(mine: true)));
    }

    [Fact]
    public async Task Anonymity_holds_in_the_list_and_staff_seeing_names_is_audited()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var author = await Patient(cluster);
        var (_, asked) = await Ask(cluster, author, Question(title: $"Private worry {marker}", anonymous: true));
        var pharmacist = await Staff(cluster, Role.Pharmacist);

        Assert.Equal(AuthorNames.Anonymous, (await Forum.ListThreads(null, Query(text: marker))).Items.Single().AuthorName);
        Assert.Equal(AuthorNames.Anonymous, (await Forum.ListThreads(await Doctor(cluster), Query(text: marker))).Items.Single().AuthorName);
        // The author's own list marks the question as theirs without their name: seeing it, they would think anonymity had failed.
        Assert.Equal(AuthorNames.AnonymousToTheAuthor, (await Forum.ListThreads(author, Query(text: marker))).Items.Single().AuthorName);
        Assert.Equal("Test Patient", (await Forum.ListThreads(pharmacist, Query(text: marker))).Items.Single().AuthorName);

        var admin = await Staff(cluster, Role.Admin);
        var log = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(pharmacist.UserId, "forum.thread.anonymous.listed", new PageRequest(1, 10)));
        Assert.Equal($"thread:{asked.Id}", Assert.Single(log.Items).Target);
    }

    [Fact]
    public async Task Pages_are_stable_and_cover_every_thread_once()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var author = await Patient(cluster);
        var asked = new List<string>();
        for (var i = 0; i < 7; i++)
            asked.Add((await Ask(cluster, author, Question(title: $"Question {i} {marker}"))).View.Id);

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
            pages.AddRange((await Forum.ListThreads(null, Query(text: marker, page: page, size: 3))).Items.Select(t => t.Id));
        var again = (await Forum.ListThreads(null, Query(text: marker, page: 2, size: 3))).Items.Select(t => t.Id);

        Assert.Equal(Enumerable.Reverse(asked), pages);
        Assert.Equal(pages.Skip(3).Take(3), again);
    }

    [Fact]
    public async Task An_unknown_department_filter_is_a_field_error()
    {
        var refusal = await Refused(ProblemKind.Invalid, () => Forum.ListThreads(null, Query(department: "astrology")));

        Assert.Contains("department", refusal.Errors!.Keys);
    }
}
