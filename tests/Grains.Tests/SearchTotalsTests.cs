using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Hosting;
using MedPlatform.Storage;

namespace MedPlatform.Grains.Tests;

/// <summary>Search totals are kept between searches (embedded mode) and must stay exact through new, edited and deleted threads.</summary>
public sealed class SearchTotalsTests : IAsyncLifetime
{
    private MigratedSqliteFile file = null!;
    private SqlDatabase database = null!;
    private ThreadDirectory threads = null!;
    private int asked;

    public async Task InitializeAsync()
    {
        file = await MigratedSqliteFile.CreateAsync(Databases.Platform);
        database = file.Database;
        threads = new ThreadDirectory(database);
    }

    [Fact]
    public async Task Totals_follow_new_threads_edits_and_deletions()
    {
        var first = await Ask("dermatology", "Wheezing at night");
        await Ask("dermatology", "Wheezing after running");
        await Ask("paediatrics", "Wheezing toddler");
        await Ask("paediatrics", "Teething pain");
        Assert.Equal((3, 2), await Totals());
        Assert.Equal((3, 2), await Totals());

        await Ask("dermatology", "More wheezing");
        Assert.Equal((4, 3), await Totals());

        // The same thread projected again with its text changed: it no longer matches.
        await threads.Upsert(Projection(first, "dermatology", "Coughing at night"));
        Assert.Equal((3, 2), await Totals());

        // Moved to another department: the overall total stays, the department's drops.
        var moved = await Ask("dermatology", "Wheezing and rash");
        Assert.Equal((4, 3), await Totals());
        await threads.Upsert(Projection(moved, "paediatrics", "Wheezing and rash"));
        Assert.Equal((4, 2), await Totals());

        await database.ExecuteAsync("DELETE FROM forum_threads WHERE id = @id;", command => command.Bind("id", moved));
        Assert.Equal((3, 2), await Totals());
    }

    [Fact]
    public async Task A_projection_that_changes_no_searched_text_keeps_the_kept_totals_valid()
    {
        var id = await Ask("dermatology", "Wheezing at night");
        await Totals();
        var epoch = await Epoch();

        // An answer arriving re-projects the thread with the same text.
        await threads.Upsert(Projection(id, "dermatology", "Wheezing at night") with { AnswerCount = 1 });

        Assert.Equal(epoch, await Epoch());
        Assert.Equal((1, 1), await Totals());
        Assert.Equal(id, Assert.Single((await threads.List(Query(null), viewer: null)).Items).Summary.Id);
    }

    private async Task<(long All, long Dermatology)> Totals() =>
        ((await threads.List(Query(null), viewer: null)).TotalCount, (await threads.List(Query("dermatology"), viewer: null)).TotalCount);

    private static ThreadQuery Query(string? department) => new(department, "wheezing", Mine: false, new PageRequest(1, 20));

    private Task<long> Epoch() => database.CountAsync("SELECT value FROM forum_search_epoch WHERE id = 1;");

    private async Task<string> Ask(string department, string title)
    {
        var id = $"thread-{Interlocked.Increment(ref asked)}";
        await threads.Upsert(Projection(id, department, title));
        return id;
    }

    private static ThreadProjection Projection(string id, string department, string title) =>
        new(id, department, title, "Details of the question.", "patient-1", "Pat", Anonymous: false,
            DateTimeOffset.UnixEpoch, AnswerCount: 0, HasAcceptedAnswer: false, AnsweringDoctorIds: [], AnswersText: "");

    public async Task DisposeAsync() => await file.DisposeAsync();
}
