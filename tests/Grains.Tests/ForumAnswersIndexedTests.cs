using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Storage;
using static MedPlatform.Grains.Tests.ForumActors;

namespace MedPlatform.Grains.Tests;

/// <summary>Threads answered before search matched answers become findable by their answers at the next start.</summary>
[Collection(nameof(GrainCluster))]
public sealed class ForumAnswersIndexedTests(GrainTestCluster cluster)
{
    [Fact]
    public async Task A_thread_whose_row_lacks_its_answers_text_is_projected_again_at_start_up()
    {
        var word = "zq" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray());
        var (thread, view) = await Ask(cluster, await Patient(cluster));
        await thread.Answer(await Doctor(cluster), $"Try {word} twice a day.");
        var forum = cluster.Grains.GetGrain<IForumGrain>(0);
        async Task<long> FoundAsync() => (await forum.ListThreads(null, new ThreadQuery(null, word, false, new PageRequest(1, 10)))).TotalCount;
        Assert.Equal(1, await FoundAsync());

        // As a row projected before the answers' text was kept looks.
        await cluster.Database.ExecuteAsync("UPDATE forum_threads SET answers_text = '' WHERE id = @id;", c => c.Bind("id", view.Id));
        await cluster.Deactivate(thread);
        Assert.Equal(0, await FoundAsync());

        await new ForumAnswersIndexed(new ThreadDirectory(cluster.Database), cluster.Grains).RunAsync(CancellationToken.None);

        Assert.Equal(1, await FoundAsync());
    }
}
