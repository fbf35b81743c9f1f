import type Database from "better-sqlite3";
import { FailurePattern } from "../../state/pattern.js";
import type { PatternStore } from "../stores/patterns.js";

export function sqlitePatterns(db: Database.Database): PatternStore {
  return {
    async savePatterns(week: string, patterns: FailurePattern[]): Promise<void> {
      const insert = db.prepare(`INSERT INTO patterns (week, fingerprint, kind, decision, sessions, pattern) VALUES (?, ?, ?, ?, ?, ?)`);
      db.transaction(() => {
        db.prepare(`DELETE FROM patterns WHERE week = ?`).run(week);
        for (const p of patterns) {
          const pattern = FailurePattern.parse(p);
          insert.run(week, pattern.fingerprint, pattern.kind, pattern.decision, pattern.sessions, JSON.stringify(pattern));
        }
      })();
    },

    async listPatterns(week: string): Promise<FailurePattern[]> {
      const rows = db.prepare(`SELECT pattern FROM patterns WHERE week = ? ORDER BY sessions DESC, fingerprint`).all(week) as { pattern: string }[];
      return rows.map((row) => FailurePattern.parse(JSON.parse(row.pattern)));
    },
  };
}
