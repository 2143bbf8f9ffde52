using MedPlatform.Common;

namespace MedPlatform.Mall;

/// <summary>The bounds of an e-prescription. Checked at the Api (400 per field) and again in the grain.</summary>
public static class PrescriptionRules
{
    public const int MaxItems = 10;
    public const int MaxQuantity = 1000;
    public const int MaxRepeats = 12;
    public const int DefaultValidDays = 30;
    public const int MaxValidDays = 180;
    public const int MaxNotesLength = 1000;

    public static Dictionary<string, string[]> Validate(NewPrescription prescription)
    {
        var errors = new Dictionary<string, string[]>();
        var hasPatient = !string.IsNullOrWhiteSpace(prescription.PatientId);
        var hasThread = !string.IsNullOrWhiteSpace(prescription.ThreadId);
        if (hasPatient == hasThread)
            errors["patientId"] = ["Give either patientId or threadId."];
        if (prescription.Items.Count is 0 or > MaxItems)
            errors["items"] = [$"Prescribe between 1 and {MaxItems} items."];
        else if (prescription.Items.Select(i => i.ProductId).Distinct().Count() != prescription.Items.Count)
            errors["items"] = ["List each product once."];
        for (var i = 0; i < prescription.Items.Count; i++)
        {
            if (prescription.Items[i].Quantity is < 1 or > MaxQuantity)
                errors[$"items[{i}].quantity"] = [$"The quantity is between 1 and {MaxQuantity}."];
            if (string.IsNullOrWhiteSpace(prescription.Items[i].ProductId))
                errors[$"items[{i}].productId"] = ["Choose a product."];
        }
        if (prescription.Repeats is < 0 or > MaxRepeats)
            errors["repeats"] = [$"Repeats are between 0 and {MaxRepeats}."];
        if (prescription.ValidDays is < 1 or > MaxValidDays)
            errors["validDays"] = [$"A prescription is valid for 1 to {MaxValidDays} days."];
        if (prescription.Notes is { Length: > MaxNotesLength })
            errors["notes"] = [$"Use at most {MaxNotesLength} characters."];
        return errors;
    }

    public static void EnsureValid(NewPrescription prescription)
    {
        var errors = Validate(prescription);
        if (errors.Count > 0) throw DomainException.Invalid(errors);
    }
}
