import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every word an alumnus reads on a portal page comes from the string catalogue (strings.ts),
 * ready for translation. This reads the portal's routes and every component they import (the
 * `~/components/...` and `./` imports, followed through; in a shared file, only what the portal
 * uses of it and the file's private helpers) and fails on words written into the markup:
 * JSX text, and string literals given as a label, hint, title, alt, placeholder or aria-label.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const ROUTES = path.join(ROOT, "app/routes");
const WORDED_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label", "hint", "legend"]);

function resolveComponent(specifier: string): string | null {
  const base = path.join(ROOT, "app", specifier.slice(2));
  for (const candidate of [`${base}.tsx`, `${base}/index.tsx`])
    if (fs.existsSync(candidate)) return candidate;
  return null;
}

type Reached = Map<string, Set<string> | "all">;

/** The sibling files an index re-exports, with the imported names each declares. */
function reExported(index: string, names: string[]): [string, string[]][] {
  const text = fs.readFileSync(index, "utf8");
  const out: [string, string[]][] = [];
  for (const m of text.matchAll(/from "(\.\/[^"]+)"/g)) {
    const file = `${path.join(path.dirname(index), m[1].slice(2))}.tsx`;
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    const declared = names.filter((n) => new RegExp(`export (function|const|class) ${n}\\b`).test(source));
    if (declared.length > 0) out.push([file, declared]);
  }
  return out;
}

/**
 * The portal's route modules (whole) and, for every component file they reach through named
 * imports, the names used from it.
 */
function portalFiles(): Reached {
  const reached: Reached = new Map();
  const queue: [string, string[] | "all"][] = fs
    .readdirSync(ROUTES)
    .filter((f) => /^portal[._]/.test(f) && f.endsWith(".tsx"))
    .map((f) => [path.join(ROUTES, f), "all"]);
  const walked = new Set<string>();
  while (queue.length > 0) {
    const [file, names] = queue.shift()!;
    const known = reached.get(file);
    if (names === "all" || known === "all") reached.set(file, "all");
    else reached.set(file, new Set([...(known ?? []), ...names]));
    if (walked.has(file)) continue;
    walked.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+"((?:~\/components\/|\.\/)[^"]+)"/g)) {
      const used = m[1]
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith("type "))
        .map((n) => n.split(/\s+as\s+/)[0]);
      const resolved = m[2].startsWith("~")
        ? resolveComponent(m[2])
        : `${path.join(path.dirname(file), m[2].slice(2))}.tsx`;
      if (!resolved || !fs.existsSync(resolved) || used.length === 0) continue;
      if (path.basename(resolved) === "index.tsx") queue.push(...reExported(resolved, used));
      else queue.push([resolved, used]);
    }
  }
  return reached;
}

/** The top-level statements of a file that can render for the portal: the used exports and every private helper. */
function statementsInUse(source: ts.SourceFile, names: Set<string> | "all"): ts.Node[] {
  if (names === "all") return [source];
  return source.statements.filter((statement) => {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) return !ts.isImportDeclaration(statement);
    const declared =
      ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)
        ? [statement.name?.text]
        : ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : ""))
          : [];
    return declared.some((n) => n && names.has(n));
  });
}

function wordsInMarkup(file: string, names: Set<string> | "all"): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    if (
      ts.isJsxAttribute(node) &&
      WORDED_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2,}/u.test(node.initializer.text)
    )
      found.push(`${where(node)} ${node.name.getText(source)}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  for (const statement of statementsInUse(source, names)) visit(statement);
  return found;
}

describe("the portal's pages", () => {
  it("take every word from the string catalogue, none written into the markup", () => {
    const reached = portalFiles();
    // the walk reaches the pages and the shared pieces (a guard against it finding nothing)
    const names = [...reached.keys()].map((f) => path.relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "app/routes/portal.profile.tsx",
        "app/components/portal/portal-shell.tsx",
        "app/components/form.tsx",
        "app/components/ui/fields.tsx",
        "app/components/invitation-answers/choice-group.tsx",
      ]),
    );
    expect([...reached].flatMap(([file, used]) => wordsInMarkup(file, used))).toEqual([]);
  });
});
