namespace MedPlatform.Mall;

[GenerateSerializer, Alias("MedPlatform.PrescriptionStatus")]
public enum PrescriptionStatus
{
    Active = 0,
    /// <summary>Every unit has been bought.</summary>
    Used = 1,
    Expired = 2,
    Cancelled = 3,
}

[GenerateSerializer, Immutable, Alias("MedPlatform.PrescriptionLine")]
public sealed record PrescriptionLine([property: Id(0)] string ProductId, [property: Id(1)] int Quantity);

/// <summary>
/// What a verified doctor prescribes: for a patient by id, or for the author of a thread the doctor
/// answered (the author stays hidden from the doctor when the thread is anonymous).
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.NewPrescription")]
public sealed record NewPrescription(
    [property: Id(0)] string? PatientId,
    [property: Id(1)] string? ThreadId,
    [property: Id(2)] IReadOnlyList<PrescriptionLine> Items,
    [property: Id(3)] int Repeats,
    [property: Id(4)] int ValidDays,
    [property: Id(5)] string? Notes);

[GenerateSerializer, Immutable, Alias("MedPlatform.PrescriptionItemView")]
public sealed record PrescriptionItemView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string ProductName,
    /// <summary>Units per fill, as prescribed.</summary>
    [property: Id(2)] int Quantity,
    /// <summary>Units still to be bought, across the first fill and the repeats.</summary>
    [property: Id(3)] int Remaining);

/// <summary>
/// A prescription as one viewer may see it. <see cref="PatientId"/> and <see cref="PatientName"/>
/// are null for the prescribing doctor when it was issued through an anonymous thread.
/// </summary>
[GenerateSerializer, Immutable, Alias("MedPlatform.PrescriptionView")]
public sealed record PrescriptionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? PatientId,
    [property: Id(2)] string DoctorId,
    [property: Id(3)] string DoctorName,
    [property: Id(4)] IReadOnlyList<PrescriptionItemView> Items,
    [property: Id(5)] DateTimeOffset IssuedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] PrescriptionStatus Status,
    [property: Id(8)] int Repeats,
    [property: Id(9)] string? Notes,
    [property: Id(10)] string? ThreadId,
    /// <summary>The patient's display name, where <see cref="PatientId"/> is shown (never to the doctor of an anonymous thread).</summary>
    [property: Id(11)] string? PatientName = null);
