using System.Collections.Concurrent;
using MedPlatform.Orders;

namespace MedPlatform.Grains.Tests;

/// <summary>Crashes order processing at a chosen step of a patient's next order: once, or every time until released.</summary>
public sealed class ScriptedOrderFaults : IOrderFaults
{
    private readonly ConcurrentDictionary<string, (OrderStep Step, bool Hold)> armed = new();
    private readonly ConcurrentDictionary<string, int> crashes = new();

    /// <summary>The patient's next order fails once just before <paramref name="step"/>; the retry goes through.</summary>
    public void CrashNextOrderOf(string patientId, OrderStep step) => armed[patientId] = (step, Hold: false);

    /// <summary>The patient's orders fail before <paramref name="step"/> every time, until <see cref="Release"/>.</summary>
    public void HoldOrdersOf(string patientId, OrderStep step) => armed[patientId] = (step, Hold: true);

    public void Release(string patientId) => armed.TryRemove(patientId, out _);

    public int CrashesOf(string patientId) => crashes.GetValueOrDefault(patientId);

    public Task Before(string orderId, string patientId, OrderStep step)
    {
        if (armed.TryGetValue(patientId, out var fault) && fault.Step == step && (fault.Hold || armed.TryRemove(patientId, out _)))
        {
            crashes.AddOrUpdate(patientId, 1, (_, n) => n + 1);
            throw new SimulatedCrash($"Simulated crash of order {orderId} before {step}.");
        }
        return Task.CompletedTask;
    }
}

public sealed class SimulatedCrash(string message) : Exception(message);
