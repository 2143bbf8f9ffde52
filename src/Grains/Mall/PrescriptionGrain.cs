using MedPlatform.Notifications;
using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using Microsoft.Extensions.Logging;

namespace MedPlatform.Mall;

public sealed class PrescriptionGrain(
    [PersistentState("prescription", StorageNames.Mall)] IPersistentState<PrescriptionState> state,
    PrescriptionDirectory directory,
    AuditLog audit,
    PlatformClock clock,
    Notifier notifier,
    ILogger<PrescriptionGrain> logger) : Grain, IPrescriptionGrain
{
    private string Id => this.GetPrimaryKeyString();
    private PrescriptionState Prescription => state.State;
    private bool Exists => Prescription.Exists && ProductIds.IsCanonical(Id);
    private PrescriptionRecord Record => Prescription.ToRecord(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The read model converges even if a silo died between saving a change and projecting it.
        if (Exists)
        {
            // Issued before prescriptions kept their patient's name: it is looked up once.
            if (Prescription.PatientName is null && await GrainFactory.GetGrain<IUserGrain>(Prescription.PatientId!).Find() is { } patient)
            {
                Prescription.PatientName = patient.DisplayName;
                await this.Save(state);
            }
            await Project();
        }
    }

    public async Task<PrescriptionView> Issue(Caller doctor, string patientId, bool hiddenFromDoctor, NewPrescription prescription)
    {
        if (!ProductIds.IsCanonical(Id))
            throw new ArgumentException($"'{Id}' is not a prescription id.");
        if (Prescription.Exists)
            throw DomainException.Conflict("A prescription with this id already exists.");
        PrescriptionRules.EnsureValid(prescription);
        var prescriber = await VerifiedDoctor(doctor);
        var patient = UserIds.IsCanonical(patientId) ? await GrainFactory.GetGrain<IUserGrain>(patientId).Find() : null;
        if (patient is not { Role: Role.Patient })
            throw DomainException.NotFound("No such patient.");
        // Not named: a doctor prescribing through a thread must not learn who asked.
        if (!patient.EmailVerified)
            throw DomainException.Unprocessable("This patient has not confirmed their email address yet, so nothing can be prescribed to them. They are asked to on every page until they do.");

        var items = new List<PrescriptionItem>();
        foreach (var (line, index) in prescription.Items.Select((line, index) => (line, index)))
        {
            var product = ProductIds.IsCanonical(line.ProductId) ? await GrainFactory.GetGrain<IProductGrain>(line.ProductId).Find() : null;
            if (product is null)
                throw DomainException.Invalid($"items[{index}].productId", "There is no such product in the catalog.");
            if (product.Controlled)
                throw DomainException.Unprocessable($"{product.Name} is a controlled drug: it is never dispensed online, so it cannot be e-prescribed here.");
            // Each repeat allows the prescribed quantity once more.
            items.Add(new PrescriptionItem
            {
                ProductId = product.Id,
                ProductName = $"{product.Name} {product.Strength}",
                Quantity = line.Quantity,
                Remaining = line.Quantity * (prescription.Repeats + 1),
            });
        }

        var now = clock.GetUtcNow();
        state.State = new PrescriptionState
        {
            PatientId = patient.Id,
            PatientName = patient.DisplayName,
            DoctorId = prescriber.Id,
            DoctorName = prescriber.DisplayName,
            HiddenFromDoctor = hiddenFromDoctor,
            ThreadId = prescription.ThreadId,
            Items = items,
            Repeats = prescription.Repeats,
            IssuedAt = now,
            ExpiresAt = now.AddDays(prescription.ValidDays),
            Notes = string.IsNullOrWhiteSpace(prescription.Notes) ? null : prescription.Notes.Trim(),
        };
        await this.Save(state);
        await Project();
        await audit.Record("prescription.issued", doctor.UserId, $"prescription:{Id}", doctor.ClientAddress, patient.Id);
        // What was prescribed stays in the app: the mail says only that there is a prescription.
        await notifier.Tell(patient.Id, new NewNotification($"prescription:{Id}", NotificationKind.PrescriptionIssued,
            "A prescription was issued to you", $"{prescriber.DisplayName} issued you an e-prescription. You can order it from MedPlatform's pharmacy.", "/prescriptions"));
        return Record.ToView(doctor, now);
    }

    public async Task<PrescriptionView> View(Caller viewer)
    {
        await EnsureReadableBy(viewer);
        await audit.Record("prescription.viewed", viewer.UserId, $"prescription:{Id}", viewer.ClientAddress, Prescription.PatientId);
        return Record.ToView(viewer, clock.GetUtcNow());
    }

    public Task EnsureCovers(Caller patient, string productId, int quantity)
    {
        if (!Exists || patient.UserId != Prescription.PatientId)
            throw DomainException.NotFound("No such prescription.");
        EnsureCovered(productId, quantity);
        return Task.CompletedTask;
    }

    public async Task<PrescriptionView> Cancel(Caller doctor)
    {
        if (!Exists || doctor.UserId != Prescription.DoctorId)
            throw DomainException.NotFound("No such prescription.");
        if (Prescription.CancelledAt is null)
        {
            Prescription.CancelledAt = clock.GetUtcNow();
            await this.Save(state);
            await Project();
            await audit.Record("prescription.cancelled", doctor.UserId, $"prescription:{Id}", doctor.ClientAddress, Prescription.PatientId);
        }
        return Record.ToView(doctor, clock.GetUtcNow());
    }

    public async Task Draw(string orderId, string patientId, IReadOnlyList<PrescriptionLine> lines)
    {
        if (!Exists || patientId != Prescription.PatientId)
            throw DomainException.NotFound("No such prescription.");
        if (Prescription.Draws.ContainsKey(orderId))
            return;
        if (Prescription.Restored.ContainsKey(orderId))
            throw DomainException.Unprocessable("This order has already given its prescription back.");
        foreach (var line in lines)
            EnsureCovered(line.ProductId, line.Quantity);
        foreach (var line in lines)
            Prescription.Items.Single(i => i.ProductId == line.ProductId).Remaining -= line.Quantity;
        Prescription.Draws[orderId] = [.. lines];
        await this.Save(state);
        await Project();
    }

    public async Task Restore(string orderId)
    {
        if (!Exists || Prescription.Restored.ContainsKey(orderId))
            return;
        var now = clock.GetUtcNow();
        foreach (var (old, at) in Prescription.Restored)
        {
            if (at < now - Tombstones.KeepFor)
                Prescription.Restored.Remove(old);
        }
        Prescription.Restored[orderId] = now;
        if (Prescription.Draws.Remove(orderId, out var lines))
        {
            foreach (var line in lines)
                Prescription.Items.Single(i => i.ProductId == line.ProductId).Remaining += line.Quantity;
        }
        await this.Save(state);
        await Project();
    }

    public async Task Settle(string orderId)
    {
        if (Exists && Prescription.Draws.Remove(orderId))
            await this.Save(state);
    }

    private void EnsureCovered(string productId, int quantity)
    {
        switch (Record.StatusAt(clock.GetUtcNow()))
        {
            case PrescriptionStatus.Expired:
                throw DomainException.Unprocessable($"This prescription expired on {Prescription.ExpiresAt:d MMM yyyy}.");
            case PrescriptionStatus.Used:
                throw DomainException.Unprocessable("Everything on this prescription has already been bought.");
            case PrescriptionStatus.Cancelled:
                throw DomainException.Unprocessable("The doctor has cancelled this prescription.");
        }
        var item = Prescription.Items.Find(i => i.ProductId == productId)
            ?? throw DomainException.Unprocessable("This prescription does not include that product.");
        if (quantity > item.Remaining)
            throw DomainException.Unprocessable($"This prescription covers {item.Remaining} more of {item.ProductName}, not {quantity}.");
    }

    private async Task EnsureReadableBy(Caller viewer)
    {
        if (!Exists || !Record.MayBeReadBy(viewer))
            throw DomainException.NotFound("No such prescription.");
        if (viewer.UserId != Prescription.PatientId && viewer.UserId != Prescription.DoctorId)
        {
            try
            {
                await RoleCheck.EnsureStaff(GrainFactory, viewer);
            }
            catch (DomainException)
            {
                throw DomainException.NotFound("No such prescription.");
            }
        }
    }

    private async Task<UserView> VerifiedDoctor(Caller caller)
    {
        var account = caller.Role == Role.Doctor ? await GrainFactory.GetGrain<IUserGrain>(caller.UserId).Find() : null;
        return account is { Role: Role.Doctor, Verified: true }
            ? account
            : throw DomainException.Forbidden("Only verified doctors write prescriptions.");
    }

    private Task Project() => this.Project(() => directory.Upsert(Record), logger);
}
