import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, invalidate, useDepartments } from "../api";
import { Field } from "../components/Field";
import { NamedOptions } from "../components/NamedOptions";
import { FormError } from "../components/Status";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Ask() {
  usePageTitle("Ask a doctor");
  const navigate = useNavigate();
  const departments = useDepartments();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [department, setDepartment] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const { data: thread } = await api.POST("/api/forum/threads", { body: { title, body, department, anonymous } });
      await invalidate("/api/forum/threads");
      navigate(`/forum/threads/${thread!.id}`);
    });
  };

  return (
    <form className="panel narrow" onSubmit={submit} noValidate>
      <h1>Ask a doctor</h1>
      <p>Verified doctors answer in the forum. Do not use this for emergencies: call 112.</p>
      <FormError error={error} fields={["title", "body", "department", "anonymous"]} />
      <Field label="Department" error={error?.field("department")}>
        {(control) => (
          <select {...control} value={department} required onChange={(e) => setDepartment(e.target.value)}>
            <NamedOptions items={departments} none="Choose a department" />
          </select>
        )}
      </Field>
      <Field label="Question" hint="A short summary, 5 to 200 characters." error={error?.field("title")}>
        {(control) => <input {...control} value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Details" hint="Symptoms, how long, medicines you take. Leave out names and addresses." error={error?.field("body")}>
        {(control) => <textarea {...control} value={body} rows={8} maxLength={10000} required onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <div className="field checkbox">
        <input id="ask-anonymous" type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <label htmlFor="ask-anonymous">Ask anonymously (others see “Anonymous” instead of your name)</label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Posting…" : "Post question"}
      </button>
    </form>
  );
}
