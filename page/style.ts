/** The page's styles (inlined in the HTML). */
export const PAGE_CSS = `
body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:0;color:#222;background:#fafafa;font-size:14px}
header{background:#0b3c5d;color:#fff;padding:10px 20px}header h1{margin:0;font-size:20px}header .meta{font-size:12px;opacity:.85}
main{padding:12px 20px;max-width:1500px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:12px}
h2{font-size:16px;margin:4px 0 8px}
.row{display:flex;gap:20px;flex-wrap:wrap;align-items:flex-start}
label{margin-right:10px}
table.controls{border-collapse:collapse}table.controls td,table.controls th{padding:2px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
table.controls input[type=number]{width:110px}
.unit{color:#666;font-size:12px}
.help{color:#555;font-size:12px;max-width:520px}
.err{color:#b00020;font-size:12px}
#issues li{color:#b00020}
details{margin:4px 0}summary{cursor:pointer;font-weight:bold}
button{padding:5px 12px;margin-right:6px;cursor:pointer}
progress{width:320px;vertical-align:middle}
.charts{display:flex;flex-wrap:wrap;gap:14px}.chart{border:1px solid #eee;padding:4px}
.chart .actions{font-size:12px}
table.results{border-collapse:collapse;font-variant-numeric:tabular-nums}table.results td,table.results th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}
table.results td:first-child,table.results th:first-child{text-align:left}
.yes{color:#D55E00;font-weight:bold}
`;
