import { useEffect, useState, type FormEvent } from "react";
import type { Paged } from "../api";
import { Pager } from "../components/Pager";
import { SignInToAct } from "../components/RequireRole";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { ThreadList } from "../components/ThreadList";
import { nameOf, useApiData, useDepartments, usePageTitle, useUser } from "../hooks";
import { Link, navigate, pageFrom, useLocation, withQuery } from "../router";
import type { ThreadSummary } from "../types";

export function ForumList() {
  const url = useLocation();
  const user = useUser();
  const departments = useDepartments();
  const department = url.searchParams.get("department") ?? "";
  const q = url.searchParams.get("q") ?? "";
  const mine = url.searchParams.get("mine") === "true" && user !== null;
  const page = pageFrom(url);
  const query = { department, q, mine, page: page > 1 ? page : undefined };
  const threads = useApiData<Paged<ThreadSummary>>(withQuery("/api/forum/threads", { ...query, pageSize: 20 }));

  const title = mine ? (user?.role === "doctor" ? "Threads you answered" : "Your questions") : department ? nameOf(departments, department) : "Forum";
  usePageTitle(title);

  const [search, setSearch] = useState(q);
  const [chosen, setChosen] = useState(department);
  useEffect(() => {
    setSearch(q);
    setChosen(department);
  }, [q, department]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery("/forum", { department: chosen, q: search.trim(), mine }));
  };

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {user?.role === "patient" && (
          <Link href="/forum/ask" className="button">
            Ask a question
          </Link>
        )}
      </div>
      {!user && <SignInToAct action="ask a question" />}

      <form className="filters" role="search" onSubmit={apply}>
        <div className="field">
          <label htmlFor="forum-department">Department</label>
          <select id="forum-department" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">All departments</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="forum-search">Search questions</label>
          <input id="forum-search" type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit">Search</button>
      </form>

      {threads.error && <ErrorMessage error={threads.error} />}
      {threads.loading && <Loading what="Loading questions" />}
      {threads.data && (
        <>
          <p className="result-count" role="status">
            {threads.data.totalCount === 1 ? "1 question" : `${threads.data.totalCount} questions`}
            {q && ` matching “${q}”`}
          </p>
          {threads.data.items.length ? (
            <ThreadList threads={threads.data.items} />
          ) : (
            <Empty>{q || department ? "No questions match. Try other words or another department." : "No questions yet."}</Empty>
          )}
          <Pager {...threads.data} hrefFor={(p) => withQuery("/forum", { ...query, page: p })} />
        </>
      )}
    </>
  );
}
