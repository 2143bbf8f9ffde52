import { useState } from "react";
import { api, type PatientMatch } from "../api";
import { useAction } from "../useAction";
import { Field } from "./Field";

/**
 * A verified doctor finds the patient to prescribe for: by the exact email address the patient gave
 * them, or by name among their own patients (whose questions they answered, who hold their
 * prescriptions). Every lookup is audited; once chosen, the patient is shown by name and can be changed.
 */
export function PatientFinder({ patient, onFound, error }: { patient: PatientMatch | null; onFound: (patient: PatientMatch | null) => void; error?: string }) {
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<PatientMatch[] | null>(null);
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
      // The list shown is always the answer to what is typed now: a stale one could pick the wrong patient.
      setMatches(null);
      const typed = text.trim();
      const byEmail = typed.includes("@");
      const { data } = await api.GET("/api/patients", { params: { query: byEmail ? { email: typed } : { q: typed } } });
      if (Array.isArray(data)) setMatches(data);
      else {
        setMatches(null);
        onFound(data!);
      }
    });
  return (
    <>
      <div className="field-row">
        <Field
          label="Patient's email or name"
          hint="The address the patient signs in with, or the name of one of your patients; or prescribe from a forum question you answered."
          error={lookup.error?.message ?? error}
        >
          {(control) => (
            <input
              {...control}
              type="search"
              autoComplete="off"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setMatches(null);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  find();
                }
              }}
            />
          )}
        </Field>
        <button type="button" className="button-secondary" disabled={lookup.busy || !text.trim()} onClick={find}>
          Find patient
        </button>
      </div>
      {matches && (
        <div role="status" className="patient-matches">
          {matches.length === 0 ? (
            <p>None of your patients has that name. Patients who asked anonymously are never listed; use their email address or the forum question.</p>
          ) : (
            <ul className="plain">
              {matches.map((match) => (
                <li key={match.id}>
                  {match.displayName}{" "}
                  <button type="button" className="button-small" onClick={() => onFound(match)} aria-label={`Prescribe for ${match.displayName}`}>
                    Choose
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
