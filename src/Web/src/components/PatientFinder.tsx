import { useState } from "react";
import { api, type PatientMatch } from "../api";
import { useAction } from "../useAction";
import { Field } from "./Field";

/**
 * A verified doctor finds the patient to prescribe for by the email address the patient gave them
 * (the lookup is audited); once found, the patient is shown by name and can be changed.
 */
export function PatientFinder({ patient, onFound, error }: { patient: PatientMatch | null; onFound: (patient: PatientMatch | null) => void; error?: string }) {
  const [email, setEmail] = useState("");
  const lookup = useAction();
  if (patient)
    return (
      <p className="found-patient" role="status">
        Prescribing for <strong>{patient.displayName}</strong>{" "}
        <button type="button" className="button-small button-secondary" onClick={() => onFound(null)}>
          Change patient
        </button>
      </p>
    );
  const find = () =>
    lookup.run(async () => {
      const { data } = await api.GET("/api/patients", { params: { query: { email: email.trim() } } });
      onFound(data!);
    });
  return (
    <div className="field-row">
      <Field
        label="Patient's email"
        hint="The address the patient signs in with; or prescribe from a forum question you answered."
        error={lookup.error?.message ?? error}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                find();
              }
            }}
          />
        )}
      </Field>
      <button type="button" className="button-secondary" disabled={lookup.busy || !email.trim()} onClick={find}>
        Find patient
      </button>
    </div>
  );
}
