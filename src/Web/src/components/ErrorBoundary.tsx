import { Component, type ReactNode } from "react";

/** Keeps a failure while drawing one page from blanking the whole app; the next page starts afresh. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="panel" role="alert">
        <h1>Something went wrong on this page</h1>
        <p>
          Please <a href={location.href}>load it again</a>. If it keeps happening, go to the <a href="/">home page</a>.
        </p>
      </section>
    );
  }
}
