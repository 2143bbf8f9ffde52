-- A doctor finds "their patients" by name among those who hold their prescriptions; a prescription
-- written through an anonymous question must not make its patient findable, so the flag the
-- snapshot already holds becomes a column, filled from the snapshot for rows written before.
ALTER TABLE prescriptions ADD COLUMN hidden_from_doctor TINYINT(1) NOT NULL DEFAULT 0;
UPDATE prescriptions SET hidden_from_doctor = CASE WHEN JSON_VALUE(snapshot, '$.hiddenFromDoctor') = 'true' THEN 1 ELSE 0 END;
ALTER TABLE prescriptions ADD KEY ix_prescriptions_doctor_patient (doctor_id, hidden_from_doctor, patient_id);
