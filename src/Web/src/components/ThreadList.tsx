import type { ThreadSummary } from "../types";
import { formatDateTime } from "../format";
import { nameOf, useDepartments } from "../hooks";
import { Link } from "../router";

export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  const departments = useDepartments();
  return (
    <ul className="cards">
      {threads.map((thread) => (
        <li key={thread.id} className="card">
          <h3>
            <Link href={`/forum/threads/${thread.id}`}>{thread.title}</Link>
          </h3>
          <p className="meta">
            <span>{nameOf(departments, thread.department)}</span> · <span>{thread.authorName}</span> ·{" "}
            <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt)}</time>
          </p>
          <p className="meta">
            {thread.answerCount === 1 ? "1 answer" : `${thread.answerCount} answers`}
            {thread.hasAcceptedAnswer && <span className="badge badge-ok">Answer accepted</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
