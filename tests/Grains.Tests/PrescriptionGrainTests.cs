using MedPlatform.Audit;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Identity;
using MedPlatform.Mall;
using static MedPlatform.Grains.Tests.Accounts;
using static MedPlatform.Grains.Tests.ForumActors;
using static MedPlatform.Grains.Tests.MallActors;

namespace MedPlatform.Grains.Tests;

[Collection(nameof(GrainCluster))]
public sealed class PrescriptionGrainTests(GrainTestCluster cluster)
{
    private IPrescriptionGrain Grain(PrescriptionView view) => cluster.Grains.GetGrain<IPrescriptionGrain>(view.Id);

    [Fact]
    public async Task A_verified_doctor_prescribes_with_repeats_multiplying_what_remains()
    {
        var (_, product) = await Product(cluster, Rx());
        var doctor = await Doctor(cluster);
        var patient = await Patient(cluster);

        var issued = await Prescribe(cluster, doctor, patient, product.Id, quantity: 2, repeats: 2, validDays: 10);

        Assert.Equal(patient.UserId, issued.PatientId);
        Assert.Equal(doctor.UserId, issued.DoctorId);
        Assert.Equal(PrescriptionStatus.Active, issued.Status);
        var item = Assert.Single(issued.Items);
        Assert.Equal((2, 6), (item.Quantity, item.Remaining));
        Assert.Equal(issued.IssuedAt.AddDays(10), issued.ExpiresAt);
    }

    [Fact]
    public async Task Unverified_doctors_and_patients_cannot_prescribe_and_patients_must_be_patients()
    {
        var (_, product) = await Product(cluster, Rx());
        var patient = await Patient(cluster);

        await Refused(ProblemKind.Forbidden, async () => await Prescribe(cluster, await Doctor(cluster, verified: false), patient, product.Id));
        await Refused(ProblemKind.Forbidden, async () => await Prescribe(cluster, patient, patient, product.Id));
        await Refused(ProblemKind.NotFound, async () => await Prescribe(cluster, await Doctor(cluster), await Doctor(cluster), product.Id));
    }

    [Fact]
    public async Task Controlled_drugs_are_not_e_prescribed()
    {
        var (_, product) = await Product(cluster, ControlledDrug());

        await Refused(ProblemKind.Unprocessable, async () => await Prescribe(cluster, await Doctor(cluster), await Patient(cluster), product.Id));
    }

    [Fact]
    public async Task Only_its_patient_its_doctor_and_staff_read_it_and_every_read_is_audited()
    {
        var (_, product) = await Product(cluster, Rx());
        var doctor = await Doctor(cluster);
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, doctor, patient, product.Id);
        var pharmacist = await Staff(cluster, Role.Pharmacist);

        await Grain(issued).View(patient);
        await Grain(issued).View(doctor);
        await Grain(issued).View(pharmacist);
        await Refused(ProblemKind.NotFound, async () => await Grain(issued).View(await Patient(cluster)));
        await Refused(ProblemKind.NotFound, async () => await Grain(issued).View(await Doctor(cluster)));
        await Refused(ProblemKind.NotFound, async () => await Grain(issued).View((await Patient(cluster)) with { Role = Role.Pharmacist }));

        var admin = await Staff(cluster, Role.Admin);
        var log = await cluster.Grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(patient.UserId, "prescription.viewed", new PageRequest(1, 10)));
        Assert.Equal([pharmacist.UserId, doctor.UserId, patient.UserId], log.Items.Select(e => e.ActorId));
    }

    [Fact]
    public async Task Another_patients_prescription_does_not_exist_for_you()
    {
        var (_, product) = await Product(cluster, Rx());
        var issued = await Prescribe(cluster, await Doctor(cluster), await Patient(cluster), product.Id);

        await Refused(ProblemKind.NotFound, async () => await Grain(issued).EnsureCovers(await Patient(cluster), product.Id, 1));
    }

    [Fact]
    public async Task More_than_remains_is_refused()
    {
        var (_, product) = await Product(cluster, Rx());
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 2);

        await Grain(issued).EnsureCovers(patient, product.Id, 2);
        await Refused(ProblemKind.Unprocessable, () => Grain(issued).EnsureCovers(patient, product.Id, 3));
    }

    [Fact]
    public async Task An_expired_prescription_is_refused()
    {
        var (_, product) = await Product(cluster, Rx());
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, validDays: 7);

        cluster.Clock.Advance(TimeSpan.FromDays(7));

        var refusal = await Refused(ProblemKind.Unprocessable, () => Grain(issued).EnsureCovers(patient, product.Id, 1));
        Assert.Contains("expired", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(PrescriptionStatus.Expired, (await Grain(issued).View(patient)).Status);
    }

    [Fact]
    public async Task Drawing_down_is_idempotent_per_order_and_restoring_gives_units_back()
    {
        var (_, product) = await Product(cluster, Rx());
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 2);
        var lines = new[] { new PrescriptionLine(product.Id, 2) };

        await Grain(issued).Draw("order-1", patient.UserId, lines);
        await Grain(issued).Draw("order-1", patient.UserId, lines);
        var used = await Grain(issued).View(patient);
        await Grain(issued).Restore("order-1");
        await Grain(issued).Restore("order-1");
        var restored = await Grain(issued).View(patient);

        Assert.Equal((0, PrescriptionStatus.Used), (used.Items[0].Remaining, used.Status));
        Assert.Equal((2, PrescriptionStatus.Active), (restored.Items[0].Remaining, restored.Status));
    }

    [Fact]
    public async Task A_draw_arriving_after_its_order_gave_the_units_back_takes_nothing()
    {
        var (_, product) = await Product(cluster, Rx());
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, await Doctor(cluster), patient, product.Id, quantity: 2);
        await Grain(issued).Draw("order-late", patient.UserId, [new PrescriptionLine(product.Id, 2)]);
        await Grain(issued).Restore("order-late");

        await Refused(ProblemKind.Unprocessable, () => Grain(issued).Draw("order-late", patient.UserId, [new PrescriptionLine(product.Id, 2)]));

        Assert.Equal(2, (await Grain(issued).View(patient)).Items[0].Remaining);
    }

    [Fact]
    public async Task A_cancelled_prescription_cannot_be_used_and_only_its_doctor_cancels_it()
    {
        var (_, product) = await Product(cluster, Rx());
        var doctor = await Doctor(cluster);
        var patient = await Patient(cluster);
        var issued = await Prescribe(cluster, doctor, patient, product.Id);

        await Refused(ProblemKind.NotFound, async () => await Grain(issued).Cancel(await Doctor(cluster)));
        Assert.Equal(PrescriptionStatus.Cancelled, (await Grain(issued).Cancel(doctor)).Status);

        await Refused(ProblemKind.Unprocessable, () => Grain(issued).EnsureCovers(patient, product.Id, 1));
    }

    [Fact]
    public async Task A_doctor_prescribes_for_the_author_of_an_anonymous_thread_without_learning_who_it_is()
    {
        var (_, product) = await Product(cluster, Rx());
        var author = await Patient(cluster);
        var doctor = await Doctor(cluster);
        var (thread, asked) = await Ask(cluster, author, Question(anonymous: true));
        await thread.Answer(doctor, "You need an antibiotic.");

        var issued = await cluster.Grains.GetGrain<IPrescriptionsGrain>(0).Issue(doctor,
            new NewPrescription(null, asked.Id, [new PrescriptionLine(product.Id, 1)], 0, 30, null));

        Assert.Null(issued.PatientId);
        Assert.Null((await Grain(issued).View(doctor)).PatientId);
        Assert.Null((await cluster.Grains.GetGrain<IPrescriptionsGrain>(0).List(doctor, new PageRequest(1, 10))).Items.Single().PatientId);
        Assert.Equal(author.UserId, (await Grain(issued).View(author)).PatientId);
        await Grain(issued).EnsureCovers(author, product.Id, 1);
    }

    [Fact]
    public async Task Prescribing_through_a_thread_needs_an_answer_in_it()
    {
        var (_, product) = await Product(cluster, Rx());
        var (_, asked) = await Ask(cluster, await Patient(cluster));

        await Refused(ProblemKind.Forbidden, async () => await cluster.Grains.GetGrain<IPrescriptionsGrain>(0).Issue(await Doctor(cluster),
            new NewPrescription(null, asked.Id, [new PrescriptionLine(product.Id, 1)], 0, 30, null)));
    }

    [Fact]
    public async Task Patients_list_their_own_and_doctors_the_ones_they_issued_newest_first()
    {
        var (_, product) = await Product(cluster, Rx());
        var doctor = await Doctor(cluster);
        var patient = await Patient(cluster);
        var first = await Prescribe(cluster, doctor, patient, product.Id);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Prescribe(cluster, doctor, patient, product.Id);
        await Prescribe(cluster, doctor, await Patient(cluster), product.Id);
        var service = cluster.Grains.GetGrain<IPrescriptionsGrain>(0);

        var patients = await service.List(patient, new PageRequest(1, 10));
        var doctors = await service.List(doctor, new PageRequest(1, 10));

        Assert.Equal([second.Id, first.Id], patients.Items.Select(p => p.Id));
        Assert.Equal(3, doctors.TotalCount);
        await Refused(ProblemKind.Forbidden, async () => await service.List(await Staff(cluster, Role.Pharmacist), new PageRequest(1, 10)));
    }
}
