/**
 * npm run email:dev — previews every email template locally, without the app's database or a
 * sign-in: each template with its sample props, its subject, the tone report, the plain text and
 * the HTML (in a sandboxed frame), plus a field to try a personal note. Loopback only, no
 * network access; restarts itself when a template changes (tsx watch).
 *
 *   EMAIL_DEV_PORT=3110 (default)   /                 all templates
 *                                   /<key>?note=...   one template (the note is optional)
 *                                   /<key>.html       the HTML alone, /<key>.txt the text alone
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { EMAIL_KINDS, EMAIL_PURPOSES, isTemplateKey, templateSummaries } from "../emails/index";
import { previewTemplate } from "../app/modules/outreach/preview-template.server";
import { NotePreviewSchema } from "../app/modules/outreach/schemas";
import type { ToneReport } from "../app/modules/outreach/tone";
import { DEFAULT_BRANDING } from "../app/modules/portal/branding";
import type { EmailBrand } from "../emails/components/brand";

/** Alumni templates in the demo employer's look; no logo, as no app is running to serve one. */
const DEMO_BRAND: EmailBrand = {
  companyName: DEFAULT_BRANDING.companyName,
  accentColor: DEFAULT_BRANDING.accentColor,
  logo: null,
};

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f5f2; color: #1f2933; }
  header { background: #fff; border-bottom: 1px solid #e4e2dd; padding: 12px 24px; }
  main { max-width: 1200px; margin: 0 auto; padding: 24px; }
  a { color: #1f4e5f; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 8px 12px; border-top: 1px solid #e4e2dd; vertical-align: top; }
  .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; }
  section { background: #fff; border: 1px solid #e4e2dd; border-radius: 8px; padding: 16px; margin-bottom: 24px; }
  iframe { width: 100%; height: 900px; border: 1px solid #e4e2dd; border-radius: 6px; background: #f6f5f2; }
  pre { white-space: pre-wrap; word-break: break-word; font: 14px/1.6 system-ui, sans-serif; }
  textarea { width: 100%; box-sizing: border-box; font: inherit; }
  .error { border-left: 4px solid #b42318; } .warning { border-left: 4px solid #b54708; }
  li.finding { list-style: none; padding: 8px 12px; margin: 0 0 8px; background: #fff; box-shadow: 0 0 0 1px #e4e2dd; }
  ul.findings { padding: 0; } code { background: #f6f5f2; padding: 0 4px; } .muted { color: #6b7280; }
`;

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Comeback email previews</title><style>${STYLE}</style></head><body><header><a href="/">Comeback email previews</a> <span class="muted">· sample data, nothing is sent</span></header><main>${body}</main></body></html>`;
}

function findingsHtml(report: ToneReport, empty: string) {
  if (report.findings.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const items = report.findings
    .map(
      (f) =>
        `<li class="finding ${f.severity}"><strong>${f.severity === "error" ? "Error" : "Warning"}</strong> <code>${escapeHtml(f.ruleId)}</code> <span class="muted">${escapeHtml(f.source)}${f.position ? `, line ${f.position.line}` : ""}</span><br>${escapeHtml(f.message)}${f.match && f.category !== "reading" ? `<br><mark>${escapeHtml(f.match)}</mark>` : ""}<br><span class="muted">Try this: ${escapeHtml(f.suggestion)}</span></li>`,
    )
    .join("");
  return `<p>${report.errors} error(s), ${report.warnings} warning(s)</p><ul class="findings">${items}</ul>`;
}

function indexPage() {
  const rows = templateSummaries()
    .map(
      (t) =>
        `<tr><th scope="row"><a href="/${t.key}">${escapeHtml(t.title)}</a><br><span class="muted">${escapeHtml(t.description)}</span></th><td>${escapeHtml(EMAIL_KINDS[t.kind])}</td><td>${escapeHtml(EMAIL_PURPOSES[t.purpose])}</td><td><a href="/${t.key}.html">HTML</a> · <a href="/${t.key}.txt">text</a></td></tr>`,
    )
    .join("");
  return page(
    "Templates",
    `<h1>Email templates</h1><table><thead><tr><th scope="col">Template</th><th scope="col">Kind</th><th scope="col">Purpose</th><th scope="col">Raw</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

async function templatePage(key: Parameters<typeof previewTemplate>[0]["template"], url: URL) {
  const parsed = NotePreviewSchema.safeParse({ note: url.searchParams.get("note") ?? undefined });
  const noteError = parsed.success ? null : parsed.error.issues[0].message;
  const preview = await previewTemplate({
    template: key,
    brand: DEMO_BRAND,
    ...(url.searchParams.has("note") && parsed.success ? { note: parsed.data.note } : {}),
  });
  const { template, email, tone, noteTone } = preview;
  const noteForm = template.acceptsNote
    ? `<section><h2>Try a personal note</h2><form method="get"><label for="note">Personal note (plain text; blank line between paragraphs)</label><textarea id="note" name="note" rows="6">${escapeHtml(preview.note ?? "")}</textarea>${noteError ? `<p class="error">${escapeHtml(noteError)}</p>` : ""}<p><button type="submit">Check and preview</button></p></form>${noteTone ? `<h3>Your note</h3>${findingsHtml(noteTone, "Your note reads warmly and clearly.")}` : ""}</section>`
    : "";
  return page(
    template.title,
    `<p><a href="/">All templates</a></p><h1>${escapeHtml(template.title)}</h1><p class="muted">${escapeHtml(template.description)}</p>
     <div class="grid"><div>
       <section><p><strong>Key</strong> <code>${escapeHtml(template.key)}</code> · <strong>Kind</strong> ${escapeHtml(EMAIL_KINDS[template.kind])} · <strong>Purpose</strong> ${escapeHtml(EMAIL_PURPOSES[template.purpose])}</p><p><strong>Subject</strong> ${escapeHtml(email.subject)}</p></section>
       ${noteForm}
       <section><h2>Tone and completeness</h2>${findingsHtml(tone, "No problems found.")}<p class="muted">Reading grade ${tone.readability.text?.grade.toFixed(1) ?? "-"} (target ${tone.readability.target} or lower)</p></section>
     </div><div>
       <section><h2>HTML</h2><iframe sandbox="" title="${escapeHtml(template.title)}: the email as HTML" srcdoc="${escapeHtml(email.html)}"></iframe></section>
       <section><h2>Plain text</h2><pre>${escapeHtml(email.text)}</pre></section>
     </div></div>`,
  );
}

const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; style-src-attr 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export async function handle(url: URL): Promise<{ status: number; type: string; body: string }> {
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
  if (path === "") return { status: 200, type: "text/html", body: indexPage() };
  const match = /^([a-z0-9-]+)(?:\.(html|txt))?$/.exec(path);
  const key = match?.[1] ?? "";
  if (!match || !isTemplateKey(key)) {
    return {
      status: 404,
      type: "text/html",
      body: page(
        "Not found",
        `<h1>No template called “${escapeHtml(path.slice(0, 80))}”</h1><p><a href="/">All templates</a></p>`,
      ),
    };
  }
  if (match[2]) {
    const { email } = await previewTemplate({ template: key, brand: DEMO_BRAND });
    return match[2] === "html"
      ? { status: 200, type: "text/html", body: email.html }
      : { status: 200, type: "text/plain", body: email.text };
  }
  return { status: 200, type: "text/html", body: await templatePage(key, url) };
}

export function createEmailDevServer() {
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", ...SECURITY_HEADERS }).end();
      return;
    }
    handle(new URL(req.url ?? "/", "http://localhost"))
      .then(({ status, type, body }) => {
        res
          .writeHead(status, { "Content-Type": `${type}; charset=utf-8`, ...SECURITY_HEADERS })
          .end(req.method === "HEAD" ? undefined : body);
      })
      .catch((error: unknown) => {
        res
          .writeHead(500, { "Content-Type": "text/plain; charset=utf-8", ...SECURITY_HEADERS })
          .end(`The template could not be rendered:\n${(error as Error).message}`);
      });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.EMAIL_DEV_PORT ?? 3110);
  const server = createEmailDevServer();
  server.listen(port, "127.0.0.1", () => {
    const { port: actual } = server.address() as AddressInfo;
    console.log(
      `Email previews at http://127.0.0.1:${actual} (${templateSummaries().length} templates; sample data, nothing is sent)`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
