import { useId, useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { type Named } from "../api";
import { withQuery } from "../query";
import { NamedOptions } from "./NamedOptions";

interface SearchFiltersProps {
  /** Where the list lives, e.g. "/forum"; the filters become its query string. */
  path: string;
  searchLabel: string;
  /** An optional choice by department or category, as the query parameter `name`. */
  choice?: { name: string; label: string; none: string; items: Named[] };
  /** Query parameters to carry over unchanged (e.g. mine=true). */
  keep?: Record<string, string | boolean>;
}

/** A search box (query parameter q) with an optional choice that applies as soon as it changes; a new search starts at page 1. */
export function SearchFilters(props: SearchFiltersProps) {
  const [searchParams] = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const chosen = props.choice ? (searchParams.get(props.choice.name) ?? "") : "";
  // Following a link to another filtered list (or back) starts the form afresh with that list's filters.
  return <FiltersForm key={`${chosen}\n${q}`} {...props} q={q} chosen={chosen} />;
}

function FiltersForm({ path, searchLabel, choice, keep = {}, ...shown }: SearchFiltersProps & { q: string; chosen: string }) {
  const navigate = useNavigate();
  const id = useId();
  const [search, setSearch] = useState(shown.q);
  const [chosen, setChosen] = useState(shown.chosen);

  const go = (picked: string, replace: boolean) =>
    navigate(withQuery(path, { ...keep, ...(choice ? { [choice.name]: picked } : {}), q: search.trim() }), { replace });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(chosen, false);
  };
  return (
    <form className="filters" role="search" onSubmit={apply}>
      {choice && (
        <div className="field">
          <label htmlFor={`${id}-choice`}>{choice.label}</label>
          {/* A choice applies at once, with whatever is in the search box: nobody expects to press Search after picking a category. */}
          <select
            id={`${id}-choice`}
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              // Replacing the entry: arrow keys on a closed select change it once per option, and Back should not walk through them all.
              go(e.target.value, true);
            }}
          >
            <NamedOptions items={choice.items} none={choice.none} />
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>{searchLabel}</label>
        <input id={`${id}-search`} type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
