using MedPlatform.Common;

namespace MedPlatform.Mall;

[GenerateSerializer, Alias("MedPlatform.PrescriptionState")]
public sealed class PrescriptionState
{
    /// <summary>Null while no prescription exists under this id.</summary>
    [Id(0)] public string? PatientId { get; set; }
    [Id(1)] public string DoctorId { get; set; } = "";
    [Id(2)] public string DoctorName { get; set; } = "";
    /// <summary>Issued through an anonymous thread: the doctor never learns who the patient is.</summary>
    [Id(3)] public bool HiddenFromDoctor { get; set; }
    [Id(4)] public string? ThreadId { get; set; }
    [Id(5)] public List<PrescriptionItem> Items { get; set; } = [];
    [Id(6)] public int Repeats { get; set; }
    [Id(7)] public DateTimeOffset IssuedAt { get; set; }
    [Id(8)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(9)] public string? Notes { get; set; }
    [Id(10)] public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Units drawn per order, so a retried draw or restore does nothing twice.</summary>
    [Id(11)] public Dictionary<string, List<PrescriptionLine>> Draws { get; set; } = [];
    /// <summary>Orders whose units were given back, kept for a day, so a late draw for one of them is refused.</summary>
    [Id(12)] public Dictionary<string, DateTimeOffset> Restored { get; set; } = [];
    /// <summary>The patient's display name when it was issued (null for prescriptions issued before names were kept).</summary>
    [Id(13)] public string? PatientName { get; set; }

    public bool Exists => PatientId is not null;

    public PrescriptionRecord ToRecord(string id) =>
        new(id, PatientId!, DoctorId, DoctorName, HiddenFromDoctor, ThreadId,
            Items.Select(i => new PrescriptionItemView(i.ProductId, i.ProductName, i.Quantity, i.Remaining)).ToList(),
            Repeats, IssuedAt, ExpiresAt, Notes, CancelledAt is not null, PatientName);
}

[GenerateSerializer, Alias("MedPlatform.PrescriptionItem")]
public sealed class PrescriptionItem
{
    [Id(0)] public string ProductId { get; set; } = "";
    [Id(1)] public string ProductName { get; set; } = "";
    [Id(2)] public int Quantity { get; set; }
    [Id(3)] public int Remaining { get; set; }
}

/// <summary>
/// Everything a prescription's readers may be shown, as stored in the read model. The status is
/// worked out when it is read, because a prescription expires with time.
/// </summary>
public sealed record PrescriptionRecord(
    string Id, string PatientId, string DoctorId, string DoctorName, bool HiddenFromDoctor, string? ThreadId,
    IReadOnlyList<PrescriptionItemView> Items, int Repeats, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    string? Notes, bool Cancelled, string? PatientName = null)
{
    public PrescriptionStatus StatusAt(DateTimeOffset now) =>
        Cancelled ? PrescriptionStatus.Cancelled
        : Items.All(i => i.Remaining == 0) ? PrescriptionStatus.Used
        : now >= ExpiresAt ? PrescriptionStatus.Expired
        : PrescriptionStatus.Active;

    /// <summary>Its patient, its doctor and staff may read it; to anyone else it does not exist.</summary>
    public bool MayBeReadBy(Caller viewer) =>
        viewer.UserId == PatientId || viewer.UserId == DoctorId || viewer.IsStaff;

    public PrescriptionView ToView(Caller viewer, DateTimeOffset now)
    {
        var patientHidden = HiddenFromDoctor && viewer.UserId == DoctorId && viewer.UserId != PatientId;
        return new(Id, patientHidden ? null : PatientId, DoctorId, DoctorName, Items, IssuedAt, ExpiresAt, StatusAt(now), Repeats, Notes, ThreadId,
            patientHidden ? null : PatientName);
    }
}
