using Orleans.Runtime;

namespace MedPlatform.Api.Errors;

/// <summary>
/// The one list of failures that mean "the cluster was briefly unable to answer", not "the request
/// was wrong": a silo went away or is overloaded, a connection to it failed, a call went unanswered,
/// or an activation held stale state. <see cref="TransientClusterRetry"/> repeats requests that met
/// one; <see cref="ApiExceptionHandler"/> answers the rest 503 with Retry-After.
/// </summary>
public static class TransientClusterFailure
{
    // A version conflict on grain state means the activation that answered held stale state (two
    // activations for a moment while a silo joins or leaves): Orleans deactivates it, and a repeat
    // meets a fresh one (seen once in CI as a 500 on a cart PUT while a third silo joined).
    public static bool Is(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
            or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException or Orleans.Storage.InconsistentStateException;
}
