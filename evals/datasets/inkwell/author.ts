// Writes Inkwell's hand-written sessions (sessions/*.ts) as the committed PostHog export and truth.json:
// `npx tsx evals/datasets/inkwell/author.ts`. Each session is written by hand; this only serializes them.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { locateAll } from "../_kit/frames.js";
import { writeExport } from "../_kit/io.js";
import { WEB_NOISE } from "../_kit/noise.js";
import type { PostHogRow } from "../_kit/posthog.js";
import { writeTruth, type TruthSession } from "../_kit/truth.js";
import { fieldDropLocation, REPO, sessionFor, type HandSession } from "./hand.js";
import { ACCOUNT } from "./sessions/account.js";
import { EDGE } from "./sessions/edge.js";
import { SENDING } from "./sessions/sending.js";
import { SIGNING } from "./sessions/signing.js";
import { VISITORS } from "./sessions/visitors.js";

export const EXPORT_FILE = "posthog-events-2026-11-23.jsonl.gz";
const SESSIONS: HandSession[] = [...SENDING, ...SIGNING, ...VISITORS, ...EDGE, ...ACCOUNT];
const RETRY_MS = 6 * 3_600_000;

interface Line {
  key: string;
  text: string;
}

/** The export's lines: rows in ingestion order, with each session's quirk applied. Returns the truncated lines' numbers too. */
function exportLines(written: { h: HandSession; rows: PostHogRow[] }[]): { text: string; truncated: number[] } {
  const lines: Line[] = [];
  const cut = new Set<string>();
  for (const { h, rows } of written) {
    const first = rows[0];
    if (!first) continue;
    if (h.quirk === "reversed") {
      lines.push({ key: first._inserted_at, text: [...rows].reverse().map((r) => JSON.stringify(r)).join("\n") });
      continue;
    }
    rows.forEach((row, i) => {
      const text = JSON.stringify(row);
      if (typeof h.quirk === "object" && h.quirk.truncate === i) {
        cut.add(text.slice(0, 140));
        lines.push({ key: row._inserted_at, text: text.slice(0, 140) });
      } else lines.push({ key: row._inserted_at, text });
      if (h.quirk === "duplicated") lines.push({ key: new Date(Date.parse(row._inserted_at) + RETRY_MS).toISOString(), text });
    });
  }
  const text = lines.sort((a, b) => a.key.localeCompare(b.key) || a.text.localeCompare(b.text)).map((l) => l.text).join("\n") + "\n";
  const truncated = text.split("\n").flatMap((l, i) => (cut.has(l) ? [i + 1] : []));
  return { text, truncated };
}

export function author(outDir: string): { truncated: number[] } {
  const written = SESSIONS.map((h, i) => {
    const s = sessionFor(h, i + 1);
    h.script(s);
    return { h, rows: s.rows };
  });
  const { text, truncated } = exportLines(written);
  writeExport(join(outDir, EXPORT_FILE), text);
  const sessions: TruthSession[] = written.map(({ h, rows }) => ({ anchor: rows[0]?.uuid ?? "", ...h.label, noise: h.label.noise ?? [] }));
  const [upload, pad] = locateAll(REPO, [
    { file: "src/documents/upload.js", fn: "uploadError", at: 'endsWith(".pdf")' },
    { file: "src/signer/pad.js", fn: "attachPad", at: '"mousedown"' },
  ]);
  if (!upload || !pad) throw new Error("inkwell repo: a bug's line is gone");
  const drop = fieldDropLocation();
  writeTruth(outDir, {
    sessions,
    bugs: [
      { id: "field-drop-below-last-page", title: "Dropping a field below the last page's bottom edge crashes the editor (page undefined)", file: drop.file, line: drop.line },
      { id: "signature-pad-ignores-touch", title: "The signature pad listens to mouse events only: signers on phones cannot draw", file: pad.file, line: pad.line },
      { id: "upload-uppercase-pdf-extension", title: "Files named .PDF (upper case) are refused as not PDF", file: upload.file, line: upload.line },
    ],
    improvements: [
      { id: "bulk-send", wants: "sending one document to many recipients at once (bulk send from a list)", keywords: ["bulk", "many recipients", "mass send", "csv"] },
      { id: "sms-delivery", wants: "signing links delivered by SMS", keywords: ["sms", "text message"] },
    ],
    noise: Object.values(WEB_NOISE),
  });
  return { truncated };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { truncated } = author(fileURLToPath(new URL(".", import.meta.url)));
  console.log(`wrote ${SESSIONS.length} sessions; deliberately truncated line(s): ${truncated.join(", ")}`);
}
