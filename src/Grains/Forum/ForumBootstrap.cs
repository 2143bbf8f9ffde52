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
