import { Link } from "@remix-run/react";
import { Notice, Stat } from "~/components/ui";

export type TodoItem = {
  key: string;
  label: string;
  hint: string;
  to: string;
  count: number;
  tone: "attention" | "neutral";
};

/**
 * What the person can do next, each a count that links to the work: what asks for someone's
 * time first (marked), then what is under way. Sources with nothing in them shrink to one line
 * of links, so a phone shows the work before the zeros.
 */
export function TodoList({ todos }: { todos: TodoItem[] }) {
  if (todos.length === 0) return null;
  const waiting = todos.filter((t) => t.tone === "attention" && t.count > 0);
  const underWay = todos.filter((t) => t.tone !== "attention" && t.count > 0);
  const empty = todos.filter((t) => t.count <= 0);
  return (
    <section aria-labelledby="todo-heading" className="mb-8">
      <h2 id="todo-heading" className="mb-3 text-lg font-semibold">
        What needs doing
      </h2>
      {waiting.length === 0 ? <Notice tone="success">Nothing is waiting for you.</Notice> : null}
      {waiting.length + underWay.length > 0 ? (
        <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {[...waiting, ...underWay].map((todo) => (
            <li key={todo.key}>
              <Stat label={todo.label} value={todo.count} to={todo.to} hint={todo.hint} tone={todo.tone} />
            </li>
          ))}
        </ul>
      ) : null}
      {empty.length ? (
        <div className="mt-3 text-sm text-muted">
          <h3 className="inline font-medium">Nothing in: </h3>
          <ul className="inline">
            {empty.map((todo, i) => (
              <li key={todo.key} className="inline">
                <Link to={todo.to} className="text-brand underline" title={todo.hint}>
                  {todo.label}
                </Link>
                {i < empty.length - 1 ? ", " : "."}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
