namespace MedPlatform.Operations;

/// <summary>Answers whether the silo that runs it can reach its storage. Used by the Api's readiness check.</summary>
public interface IReadinessGrain : IGrainWithIntegerKey
{
    /// <summary>Null when ready, otherwise what is wrong.</summary>
    Task<string?> Check();
}
