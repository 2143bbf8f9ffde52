import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, type Answer, type Thread as ThreadData, type User, $api, invalidate, useApiQuery, nameOf, useDepartments, useUser } from "../api";
import { Field } from "../components/Field";
import { SignInToAct } from "../components/RequireRole";
import { ErrorMessage, FormError, Loading, Notice } from "../components/Status";
import { formatDateTime } from "../format";
import { useAction } from "../useAction";
import { usePageTitle } from "../usePageTitle";

export function Thread() {
  const { id = "" } = useParams();
  const user = useUser();
  const departments = useDepartments();
  const thread = useApiQuery($api.queryOptions("get", "/api/forum/threads/{id}", { params: { path: { id } } }));
  usePageTitle(thread.data?.title ?? "Question");

  if (!thread.data) return thread.error ? <ErrorMessage error={thread.error} retry={thread.refetch} /> : <Loading what="Loading the question" />;
  const t = thread.data;
  const isVerifiedDoctor = user?.role === "doctor" && user.verified;
  const answeredByMe = t.answers.some((a) => a.doctorId === user?.id);

  return (
    <article className="thread">
      <p className="breadcrumb">
        <Link to="/forum">Forum</Link> › <Link to={`/forum?department=${encodeURIComponent(t.department)}`}>{nameOf(departments, t.department)}</Link>
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
            <AnswerItem key={answer.id} answer={answer} thread={t} user={user} />
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
      {t.askedByMe && <PostForm threadId={t.id} kind="follow-ups" label="Your follow-up question" />}
      {isVerifiedDoctor && (
        <>
          <PostForm threadId={t.id} kind="answers" label="Your answer" />
          {answeredByMe && (
            <p>
              <Link to={`/prescriptions/new?threadId=${encodeURIComponent(t.id)}`} className="button button-secondary">
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
  answer: Answer;
  thread: ThreadData;
  user: User | null;
}

function AnswerItem({ answer, thread, user }: AnswerItemProps) {
  const { busy, error, run } = useAction();
  const params = { path: { id: thread.id, answerId: answer.id } };
  const act = (send: () => Promise<unknown>) =>
    run(async () => {
      await send();
      await invalidate("/api/forum/threads/{id}", "/api/forum/threads");
    });
  const accept = () => act(() => api.POST("/api/forum/threads/{id}/answers/{answerId}/accept", { params }));
  const endorse = () => act(() => api.POST("/api/forum/threads/{id}/answers/{answerId}/endorse", { params }));
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
            <button type="button" disabled={busy} onClick={accept} aria-label={`Accept this answer from ${answer.doctorName}`}>
              Accept this answer
            </button>
          )}
          {canEndorse && (
            <button type="button" className="button-secondary" disabled={busy} onClick={endorse} aria-label={`Endorse the answer from ${answer.doctorName}`}>
              Endorse
            </button>
          )}
        </p>
      )}
      <FormError error={error} />
    </li>
  );
}

function PostForm({ threadId, kind, label }: { threadId: string; kind: "answers" | "follow-ups"; label: string }) {
  const [body, setBody] = useState("");
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const params = { path: { id: threadId } };
      if (kind === "answers") await api.POST("/api/forum/threads/{id}/answers", { params, body: { body } });
      else await api.POST("/api/forum/threads/{id}/follow-ups", { params, body: { body } });
      setBody("");
      await invalidate("/api/forum/threads/{id}", "/api/forum/threads");
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
