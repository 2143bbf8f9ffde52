using MedPlatform.Hosting;
using Microsoft.Extensions.Options;

namespace MedPlatform.Forum;

/// <summary>Seeds the departments whenever the store has none (every mode), then the demo threads (demo mode, empty forum).</summary>
public sealed class ForumReferenceData(DepartmentCatalog departments) : IBootstrapStep
{
    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) => departments.SeedIfEmpty();
}

public sealed class ForumDemoContent(DemoForum demo, ThreadDirectory directory, IOptions<DemoOptions> options) : IBootstrapStep
{
    public int Order => 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed && await directory.IsEmpty())
            await demo.SeedAsync();
    }
}

/// <summary>
/// Threads answered before search matched answers have no answers' text in their row: each is woken
/// once, which projects it again. A store that never had them finds none and does nothing.
/// </summary>
public sealed class ForumAnswersIndexed(ThreadDirectory directory, IGrainFactory grains) : IBootstrapStep
{
    private const int AtOnce = 32;

    public int Order => 210;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in (await directory.AnsweredWithoutAnswersText()).Chunk(AtOnce))
            await Task.WhenAll(batch.Select(id => grains.GetGrain<IThreadGrain>(id).View(null)));
    }
}
