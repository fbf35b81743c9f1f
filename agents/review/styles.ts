/** The digest's inline stylesheet: readable on screen and in print, no web fonts. */
export const DIGEST_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f5f7fa;color:#1f2937;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1120px;margin:0 auto;padding:28px 28px 48px}
header{margin-bottom:18px}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#6b7280;font-weight:600}
h1{margin:2px 0 2px;font-size:30px}
h2{font-size:19px;margin:0 0 10px}
.sub{margin:0;color:#4b5563}
section{background:#fff;border:1px solid #e3e7ee;border-radius:10px;padding:18px 20px;margin:16px 0}
section.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;background:none;border:0;padding:0}
.card{background:#fff;border:1px solid #e3e7ee;border-radius:10px;padding:14px 16px}
.card-label{font-size:13px;color:#6b7280;font-weight:600}
.big{font-size:34px;font-weight:700;line-height:1.2}
.unit{color:#6b7280;margin-left:2px}
.note{font-size:12.5px;color:#6b7280}
.muted{color:#6b7280}
.nowrap{white-space:nowrap}
.empty{background:#fff8e6;border:1px solid #f1d48a;border-radius:10px;padding:14px 18px;font-weight:600}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:22px}
.grid2>div>section,.grid2 section{margin:0}
figure{margin:0}
figcaption{font-size:12.5px;color:#6b7280;margin-top:4px}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
table{width:100%;border-collapse:collapse;font-size:14px}
th{text-align:left;white-space:nowrap;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;border-bottom:2px solid #e3e7ee;padding:6px 8px}
td{border-bottom:1px solid #eef1f5;padding:8px;vertical-align:top;overflow-wrap:anywhere}
.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f4f8;border-radius:4px;padding:1px 4px}
a{color:#3867d6}
.pill{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;background:#eef1f5;color:#374151;white-space:nowrap}
.pill.bug{background:#fde8e8;color:#b42318}
.pill.improvement{background:#e8effd;color:#2750b0}
.pill.p1{background:#d64545;color:#fff}
.pill.p2{background:#f4a340;color:#fff}
.pill.p3{background:#fdf0c4;color:#7a5a00}
.pill.p4{background:#eef1f5;color:#4b5563}
.pill.v-healed{background:#e3f4ea;color:#1e6b3f}
.pill.v-not_healed{background:#fde8e8;color:#b42318}
.pill.v-inconclusive{background:#eef1f5;color:#4b5563}
.pill.st-open{background:#e8effd;color:#2750b0}
.pill.st-in_progress{background:#fdf0c4;color:#7a5a00}
.pill.st-in_review{background:#efe7fb;color:#5b3aa6}
.pill.st-done{background:#e3f5ea;color:#1e7a45}
.pill.fx-pr_opened{background:#e3f5ea;color:#1e7a45}
.pill.fx-needs_model{background:#fdf0c4;color:#7a5a00}
.pill.fx-failed_verification{background:#fde8e8;color:#b42318}
.pill.fx-rejected{background:#eef1f5;color:#4b5563}
.label{display:inline-block;font-size:12px;border:1px solid #d5dbe5;border-radius:4px;padding:0 6px;margin:1px 0;color:#4b5563}
ul.flagged{margin:8px 0 0;padding-left:20px}
ul.flagged li{margin:4px 0}
.story{border-left:4px solid #e3e7ee;padding:6px 0 6px 14px;margin:12px 0}
.story-head{font-size:13px;color:#4b5563;margin-bottom:4px}
.score{display:inline-block;min-width:24px;text-align:center;color:#fff;font-weight:700;border-radius:6px;padding:0 6px;margin-right:6px}
dl{display:grid;grid-template-columns:120px 1fr;gap:2px 12px;margin:0}
dt{font-weight:600;color:#6b7280;font-size:13px}
dd{margin:0;font-size:14.5px}
footer{color:#9ca3af;font-size:12px;margin-top:20px}
@media (max-width:800px){section.cards{grid-template-columns:1fr 1fr}.grid2{grid-template-columns:1fr}}
@media print{body{background:#fff}section{break-inside:avoid}}
`;
