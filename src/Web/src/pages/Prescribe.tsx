import { useState, type FormEvent, type KeyboardEvent, type MouseEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, type PatientMatch, type Product, $api, invalidate, useApiQuery, useUser } from "../api";
import { Field } from "../components/Field";
import { PatientFinder } from "../components/PatientFinder";
import { FormError, Notice } from "../components/Status";
import { formatMoney } from "../format";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

interface Line {
  product: Product;
  quantity: string;
}

export function Prescribe() {
  usePageTitle("Write a prescription");
  const user = useUser();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const threadId = search.get("threadId");
  const thread = useApiQuery($api.queryOptions("get", "/api/forum/threads/{id}", { params: { path: { id: threadId ?? "" } } }, { enabled: threadId !== null }));
  const [patient, setPatient] = useState<PatientMatch | null>(null);
  const [lines, setLinesAndErrors] = useState<Line[]>([]);
  const [repeats, setRepeats] = useState("0");
  const [validDays, setValidDays] = useState("30");
  const [notes, setNotes] = useState("");
  const { busy, error, setError, run } = useAction();
  // The API names line errors by position ("items[1].quantity"): after any change to the lines they would point at the wrong one.
  const setLines = (next: Line[]) => {
    setLinesAndErrors(next);
    setError(null);
  };

  if (!user?.verified) return <Notice>You can prescribe once an administrator has verified your licence.</Notice>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api.POST("/api/prescriptions", {
        body: {
          patientId: threadId ? null : (patient?.id ?? ""),
          threadId,
          items: lines.map((line) => ({ productId: line.product.id, quantity: Number(line.quantity) })),
          repeats: Number(repeats),
          validDays: Number(validDays),
          notes: notes.trim() || null,
        },
      });
      await invalidate("/api/prescriptions");
      navigate("/prescriptions");
    });
  };

  const lineFields = lines.map((_, i) => `items[${i}].quantity`);
  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Write a prescription</h1>
      <FormError error={error} fields={["patientId", "threadId", "items", "repeats", "validDays", "notes", ...lineFields]} />
      {threadId ? (
        <p>
          For the author of <Link to={`/forum/threads/${threadId}`}>{thread.data?.title ?? "the forum question"}</Link>
          {thread.data?.anonymous && " (they stay anonymous to you)"}.
          {error?.field("threadId") && <span className="field-error"> {error.field("threadId")}</span>}
        </p>
      ) : (
        <PatientFinder patient={patient} onFound={setPatient} error={error?.field("patientId")} />
      )}

      <fieldset>
        <legend>Medicines</legend>
        {error?.field("items") && <p className="field-error">{error.field("items")}</p>}
        {lines.length === 0 && <p className="empty">No medicine added yet.</p>}
        <ul className="plain">
          {lines.map((line, i) => (
            <li key={line.product.id} className="line">
              <Field label={`Quantity of ${line.product.name} ${line.product.strength}`} error={error?.field(`items[${i}].quantity`)}>
                {(control) => (
                  <input
                    {...control}
                    className="quantity"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1000}
                    value={line.quantity}
                    onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button-small button-secondary"
                onClick={() => setLines(lines.filter((_, j) => j !== i))}
                aria-label={`Remove ${line.product.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <MedicinePicker onPick={(product) => !lines.some((l) => l.product.id === product.id) && setLines([...lines, { product, quantity: "1" }])} />
      </fieldset>

      <div className="field-row">
        <Field label="Repeats" hint="Extra fills after the first, 0–12." error={error?.field("repeats")}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={0} max={12} value={repeats} onChange={(e) => setRepeats(e.target.value)} />}
        </Field>
        <Field label="Valid for (days)" hint="1–180." error={error?.field("validDays")}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={1} max={180} value={validDays} onChange={(e) => setValidDays(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label="Notes for the patient and pharmacist" error={error?.field("notes")}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Issuing…" : "Issue prescription"}
      </button>
    </form>
  );
}

/** Finds medicines by name to add to the prescription. */
function MedicinePicker({ onPick }: { onPick: (product: Product) => void }) {
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const results = useApiQuery($api.queryOptions("get", "/api/products", { params: { query: { q: search, pageSize: 8 } } }, { enabled: search !== "" }));
  const find = (event: FormEvent | MouseEvent | KeyboardEvent) => {
    event.preventDefault();
    setSearch(q.trim());
  };
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor="rx-search">Find a medicine</label>
        <input
          id="rx-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") find(e);
          }}
        />
      </div>
      <button type="button" className="button-secondary" onClick={find}>
        Find
      </button>
      {results.data && (
        <ul className="plain results" aria-label="Medicines found">
          {results.data.items.length === 0 && <li className="empty">No medicine matches.</li>}
          {results.data.items.map((product) => (
            <li key={product.id}>
              <button type="button" className="link-button" disabled={product.controlled} onClick={() => onPick(product)}>
                Add {product.name} {product.strength} ({product.form}, {formatMoney(product.priceCents)})
              </button>
              {product.controlled && <span className="meta"> — controlled, not sold online</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
