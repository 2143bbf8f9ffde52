using MedPlatform.Common;

namespace MedPlatform.Mall;

/// <summary>
/// One e-prescription (after FHIR MedicationRequest), keyed by prescription id: items with the
/// units still to be bought, validity, repeats and status. Only its patient, its doctor and staff
/// may read it; anyone else is told it does not exist. Every read is audited.
/// </summary>
public interface IPrescriptionGrain : IGrainWithStringKey
{
    /// <summary>Issued by <see cref="IPrescriptionsGrain"/>, which has resolved and checked the patient.</summary>
    Task<PrescriptionView> Issue(Caller doctor, string patientId, bool hiddenFromDoctor, NewPrescription prescription);

    /// <summary>The prescription for a caller allowed to see it; 404 for anyone else.</summary>
    Task<PrescriptionView> View(Caller viewer);

    /// <summary>
    /// Checks that <paramref name="patient"/> may buy <paramref name="quantity"/> units of the product
    /// on this prescription now: 404 if it is not theirs, 422 if it is not active or does not cover it.
    /// </summary>
    Task EnsureCovers(Caller patient, string productId, int quantity);

    /// <summary>The prescribing doctor withdraws it.</summary>
    Task<PrescriptionView> Cancel(Caller doctor);

    /// <summary>Draws units down for an order. Idempotent by order id; 422 if they are no longer covered.</summary>
    Task Draw(string orderId, string patientId, IReadOnlyList<PrescriptionLine> lines);

    /// <summary>Gives an order's units back (rejection, cancellation, failed payment). Idempotent.</summary>
    Task Restore(string orderId);

    /// <summary>The order has shipped: its units are used for good, so the draw record is dropped. Idempotent.</summary>
    Task Settle(string orderId);
}

/// <summary>Issuing and listing prescriptions.</summary>
public interface IPrescriptionsGrain : IGrainWithIntegerKey
{
    Task<PrescriptionView> Issue(Caller doctor, NewPrescription prescription);

    /// <summary>A patient's own prescriptions, or the ones a doctor issued; newest first.</summary>
    Task<PagedResult<PrescriptionView>> List(Caller viewer, PageRequest paging);
}
