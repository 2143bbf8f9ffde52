import { type ThreadSummary, nameOf, useDepartments } from "../api";
import { formatDateTime } from "../format";
import { Link } from "react-router";

/** Questions as cards; their titles are headings one level below the list's own (h2 on a page of its own). */
export function ThreadList({ threads, level = 2 }: { threads: ThreadSummary[]; level?: 2 | 3 }) {
  const Heading = `h${level}` as const;
  const departments = useDepartments();
  return (
    <ul className="cards">
      {threads.map((thread) => (
        <li key={thread.id} className="card">
          <Heading className="card-title">
            <Link to={`/forum/threads/${thread.id}`}>{thread.title}</Link>
          </Heading>
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
