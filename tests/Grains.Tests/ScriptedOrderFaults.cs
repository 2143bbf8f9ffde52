using System.Collections.Concurrent;
using MedPlatform.Orders;

namespace MedPlatform.Grains.Tests;

/// <summary>Crashes order processing once at a chosen step of a patient's next order.</summary>
public sealed class ScriptedOrderFaults : IOrderFaults
{
    private readonly ConcurrentDictionary<string, OrderStep> armed = new();
    private readonly ConcurrentDictionary<string, int> crashes = new();

    /// <summary>The patient's next order fails once just before <paramref name="step"/>.</summary>
    public void CrashNextOrderOf(string patientId, OrderStep step) => armed[patientId] = step;

    public int CrashesOf(string patientId) => crashes.GetValueOrDefault(patientId);

    public Task Before(string orderId, string patientId, OrderStep step)
    {
        if (armed.TryGetValue(patientId, out var armedStep) && armedStep == step && armed.TryRemove(patientId, out _))
        {
            crashes.AddOrUpdate(patientId, 1, (_, n) => n + 1);
            throw new SimulatedCrash($"Simulated crash of order {orderId} before {step}.");
        }
        return Task.CompletedTask;
    }
}

public sealed class SimulatedCrash(string message) : Exception(message);
