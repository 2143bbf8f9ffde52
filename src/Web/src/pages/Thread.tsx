import { useState, type FormEvent } from "react";
import { api, type User } from "../api";
import { Field } from "../components/Field";
import { SignInToAct } from "../components/RequireRole";
import { ErrorMessage, FormError, Loading, Notice } from "../components/Status";
import { formatDateTime } from "../format";
import { nameOf, useAction, useApiData, useDepartments, usePageTitle, useUser } from "../hooks";
import { Link } from "../router";
import type { Answer, Thread as ThreadData } from "../types";

export function Thread({ id }: { id: string }) {
  const user = useUser();
  const departments = useDepartments();
  const thread = useApiData<ThreadData>(`/api/forum/threads/${encodeURIComponent(id)}`);
  usePageTitle(thread.data?.title ?? "Question");

  if (thread.error) return <ErrorMessage error={thread.error} />;
  if (!thread.data) return <Loading what="Loading the question" />;
  const t = thread.data;
  const isVerifiedDoctor = user?.role === "doctor" && user.verified;
  const answeredByMe = t.answers.some((a) => a.doctorId === user?.id);

  return (
    <article className="thread">
      <p className="breadcrumb">
        <Link href="/forum">Forum</Link> › <Link href={`/forum?department=${encodeURIComponent(t.department)}`}>{nameOf(departments, t.department)}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="meta">
        Asked by {t.authorName}
        {t.askedByMe && t.anonymous && " (you, shown to others as Anonymous)"} · <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
      </p>
      <div className="post-body">{t.body}</div>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t.answers.length === 1 ? "1 answer" : `${t.answers.length} answers`}</h2>
        {t.answers.length === 0 && <p className="empty">No doctor has answered yet.</p>}
        <ol className="answers">
          {t.answers.map((answer) => (
            <AnswerItem key={answer.id} threadId={t.id} answer={answer} thread={t} user={user} onChange={thread.setData} />
          ))}
        </ol>
      </section>

      {t.followUps.length > 0 && (
        <section aria-labelledby="followups-heading">
          <h2 id="followups-heading">Follow-up questions</h2>
          <ol className="followups">
            {t.followUps.map((f) => (
              <li key={f.id} className="post">
                <p className="meta">
                  {t.authorName} · <time dateTime={f.createdAt}>{formatDateTime(f.createdAt)}</time>
                </p>
                <div className="post-body">{f.body}</div>
              </li>
            ))}
          </ol>
        </section>
      )}

      {!user && <SignInToAct action="answer or follow up" />}
      {t.askedByMe && <PostForm threadId={t.id} kind="follow-ups" label="Your follow-up question" onPosted={thread.reload} />}
      {isVerifiedDoctor && (
        <>
          <PostForm threadId={t.id} kind="answers" label="Your answer" onPosted={thread.reload} />
          {answeredByMe && (
            <p>
              <Link href={`/prescriptions/new?threadId=${encodeURIComponent(t.id)}`} className="button button-secondary">
                Write a prescription for this patient
              </Link>
            </p>
          )}
        </>
      )}
      {user?.role === "doctor" && !user.verified && <Notice>You can answer once an administrator has verified your licence.</Notice>}
    </article>
  );
}

interface AnswerItemProps {
  threadId: string;
  answer: Answer;
  thread: ThreadData;
  user: User | null;
  onChange: (thread: ThreadData) => void;
}

function AnswerItem({ threadId, answer, thread, user, onChange }: AnswerItemProps) {
  const { busy, error, run } = useAction();
  const act = (verb: "accept" | "endorse") =>
    run(async () => {
      await api(`/api/forum/threads/${encodeURIComponent(threadId)}/answers/${encodeURIComponent(answer.id)}/${verb}`, { method: "POST" });
      onChange(await api<ThreadData>(`/api/forum/threads/${encodeURIComponent(threadId)}`));
    });
  const canAccept = thread.askedByMe && !answer.accepted;
  const canEndorse = user?.role === "doctor" && user.verified && user.id !== answer.doctorId && !answer.endorsedByMe;

  return (
    <li className={answer.accepted ? "post answer accepted" : "post answer"}>
      <p className="meta">
        <strong>{answer.doctorName}</strong> · <time dateTime={answer.createdAt}>{formatDateTime(answer.createdAt)}</time>
        {answer.accepted && <span className="badge badge-ok">Accepted answer</span>}
      </p>
      <div className="post-body">{answer.body}</div>
      <p className="meta">
        {answer.endorsements === 1 ? "Endorsed by 1 doctor" : `Endorsed by ${answer.endorsements} doctors`}
        {answer.endorsedByMe && " (including you)"}
      </p>
      {(canAccept || canEndorse) && (
        <p className="actions">
          {canAccept && (
            <button type="button" disabled={busy} onClick={() => act("accept")} aria-label={`Accept this answer from ${answer.doctorName}`}>
              Accept this answer
            </button>
          )}
          {canEndorse && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => act("endorse")}
              aria-label={`Endorse the answer from ${answer.doctorName}`}
            >
              Endorse
            </button>
          )}
        </p>
      )}
      <FormError error={error} />
    </li>
  );
}

function PostForm({ threadId, kind, label, onPosted }: { threadId: string; kind: "answers" | "follow-ups"; label: string; onPosted: () => void }) {
  const [body, setBody] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await api(`/api/forum/threads/${encodeURIComponent(threadId)}/${kind}`, { method: "POST", body: { body } });
      setBody("");
      onPosted();
    });
  };
  return (
    <form className="panel" onSubmit={submit}>
      <h2>{kind === "answers" ? "Answer this question" : "Ask a follow-up question"}</h2>
      <FormError error={error} fields={["body"]} />
      <Field label={label} error={error?.field("body")}>
        {(control) => <textarea {...control} value={body} rows={6} maxLength={5000} required onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Posting…" : kind === "answers" ? "Post answer" : "Post follow-up"}
      </button>
    </form>
  );
}
