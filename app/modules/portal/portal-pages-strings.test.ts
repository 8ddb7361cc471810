import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every word an alumnus reads on a portal page comes from the string catalogue (strings.ts),
 * ready for translation. This reads the portal's routes, the preference and unsubscribe pages
 * reached from our email, and every component they import (the `~/components/...` and `./`
 * imports, followed through; in a shared file, only what the pages use of it and the file's
 * private helpers) and fails on words written into them: JSX text, a string given as a label,
 * hint, title, alt, placeholder or aria-label, and any other string literal that reads as words
 * (a prop, a conditional's branch, a page title, a message thrown from a route).
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const ROUTES = path.join(ROOT, "app/routes");
/** The portal's routes, and the pages an alumnus reaches from a link in our email without signing in. */
const ALUMNI_PAGES = /^(portal[._]|preferences\.|unsubscribe\.)/;
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
    .filter((f) => ALUMNI_PAGES.test(f) && f.endsWith(".tsx"))
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

/** Attributes that never reach a reader: classes, addresses, form names and values, ARIA references. */
const TECHNICAL_ATTRIBUTES = new Set([
  "className",
  "id",
  "key",
  "href",
  "to",
  "action",
  "method",
  "encType",
  "type",
  "name",
  "value",
  "defaultValue",
  "htmlFor",
  "role",
  "rel",
  "target",
  "autoComplete",
  "inputMode",
  "pattern",
  "accept",
  "variant",
  "tone",
  "size",
  "intent",
  "lang",
  "dir",
  "src",
  "aria-describedby",
  "aria-labelledby",
  "aria-controls",
  "aria-live",
  "aria-current",
]);
/** Strings that read as words but no one reads, each with why (file and text, as reported). */
const NOT_WORDS: Record<string, string> = {
  'app/routes/unsubscribe.$token.tsx "One-Click"':
    "the value RFC 8058 fixes for the List-Unsubscribe field the button posts, like a mail program's one-click",
  'app/components/link-page.tsx "Comeback"':
    "the frame's default name, for staff pages only; every page an alumnus reaches passes the employer's name",
};

/** Calls whose string arguments are keys, classes or formats, not words: the catalogue itself, class names. */
const TECHNICAL_CALLS = new Set(["t", "format", "cx", "clsx", "require", "append", "set", "get", "has"]);

/**
 * Whether a string outside the markup reads as words a person sees: a sentence (letters, a
 * space, letters) or a capitalised word ("None", "Menu"). Keys ("profile.title"), codes
 * ("not_found", "news") and class lists with a hyphen or colon in every token are not.
 */
function readsAsWords(text: string): boolean {
  const trimmed = text.trim();
  if (!/\p{L}{2,}/u.test(trimmed)) return false;
  const tokens = trimmed.split(/\s+/);
  if (tokens.every((w) => /^[a-z0-9![\]:/.%&>()#_-]+$/.test(w)) && tokens.some((w) => /[-:]/.test(w)))
    return false;
  return /\p{L}\s+\p{L}/u.test(trimmed) || /^\p{Lu}\p{Ll}/u.test(trimmed);
}

/** A string literal's place that makes it no text for a reader (a key, a class, a comparison, a type). */
function isTechnicalPlace(node: ts.Node, source: ts.SourceFile): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent))
      return true;
    if (ts.isCallExpression(parent) && parent.arguments.includes(at as ts.Expression)) {
      const callee = parent.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : "";
      if (TECHNICAL_CALLS.has(name)) return true;
    }
    if (
      ts.isBinaryExpression(parent) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
      ].includes(parent.operatorToken.kind)
    )
      return true;
    if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return true;
    if (ts.isJsxAttribute(parent)) return TECHNICAL_ATTRIBUTES.has(parent.name.getText(source));
    if (ts.isPropertyAssignment(parent) && parent.name === at) return true;
    if (
      ts.isPropertyAssignment(parent) &&
      ["className", "name", "rel", "content"].includes(parent.name.getText(source))
    )
      return true;
    // The statement ends the search: a literal's meaning does not reach across statements.
    if (ts.isStatement(parent) || ts.isJsxElement(parent) || ts.isJsxSelfClosingElement(parent)) return false;
  }
  return false;
}

/**
 * The words written into a file instead of taken from the catalogue: JSX text; a string given
 * as a label, hint, title, alt, placeholder or aria-label; and any other string literal that
 * reads as words (a prop, a conditional's branch, a message thrown with AppError or notFound,
 * a page title), wherever it sits, unless its place shows it is a key, class or code, or
 * NOT_WORDS says why no one reads it.
 */
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
    else if (
      ts.isJsxAttribute(node) &&
      WORDED_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2,}/u.test(node.initializer.text)
    ) {
      found.push(`${where(node)} ${node.name.getText(source)}="${node.initializer.text}"`);
      return;
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      readsAsWords(node.text) &&
      !isTechnicalPlace(node, source)
    ) {
      found.push(`${where(node)} "${node.text}"`);
    } else if (ts.isTemplateExpression(node) && !isTechnicalPlace(node, source)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (readsAsWords(parts.join(" ")) && parts.some((part) => /\p{L}{2,}/u.test(part)))
        found.push(`${where(node)} \`${parts.join("…")}\``);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of statementsInUse(source, names)) visit(statement);
  return found.filter((line) => !(line.replace(/:\d+ /, " ") in NOT_WORDS));
}

describe("the portal's pages", () => {
  it("take every word from the string catalogue, none written into the markup", () => {
    const reached = portalFiles();
    // the walk reaches the pages and the shared pieces (a guard against it finding nothing)
    const names = [...reached.keys()].map((f) => path.relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "app/routes/portal.profile.tsx",
        "app/routes/preferences.$token.tsx",
        "app/routes/unsubscribe.$token.tsx",
        "app/components/preferences-link.tsx",
        "app/components/link-page.tsx",
        "app/components/portal/portal-shell.tsx",
        "app/components/form.tsx",
        "app/components/ui/fields.tsx",
        "app/components/invitation-answers/choice-group.tsx",
      ]),
    );
    expect([...reached].flatMap(([file, used]) => wordsInMarkup(file, used))).toEqual([]);
  });
});
