import { Link } from "react-router";

interface PagerProps {
  page: number;
  pageSize: number;
  totalCount: number;
  /** The address of another page of the same list. */
  hrefFor: (page: number) => string;
}

export function Pager({ page, pageSize, totalCount, hrefFor }: PagerProps) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? <Link to={hrefFor(page - 1)}>← Previous</Link> : <span aria-hidden="true" />}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={hrefFor(page + 1)}>Next →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
