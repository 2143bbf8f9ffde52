-- A doctor finds "their patients" by name among those who hold their prescriptions; a prescription
-- written through an anonymous question must not make its patient findable, so the flag the
-- snapshot already holds becomes a column, filled from the snapshot for rows written before.
ALTER TABLE prescriptions ADD COLUMN hidden_from_doctor INTEGER NOT NULL DEFAULT 0;
UPDATE prescriptions SET hidden_from_doctor = CASE WHEN json_extract(snapshot, '$.hiddenFromDoctor') THEN 1 ELSE 0 END;
CREATE INDEX IF NOT EXISTS ix_prescriptions_doctor_patient ON prescriptions (doctor_id, hidden_from_doctor, patient_id);
