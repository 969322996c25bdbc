namespace ChurnWatch.Worker.Reports;

/// <summary>
/// The style sheet inlined into every page: reports are mailed and archived as single files, so nothing may be
/// fetched. System fonts only; colours keep their meaning in grey through lightness, arrows and words.
/// </summary>
internal static class ReportStyles
{
    /// <summary>The CSS, without the style element.</summary>
    public const string Css = """
:root{--ink:#1f2933;--muted:#52606d;--line:#e4e7eb;--soft:#f5f7fa;--accent:#1f3a68;--high:#9b2226;--medium:#e9a23b;--low:#cfe6d8;--warn-bg:#fff4e5;--warn-line:#c2410c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
main{max-width:1240px;margin:0 auto;padding:28px 32px 40px}
header.page{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:12px;border-bottom:3px solid var(--accent);padding-bottom:14px}
h1{font-size:24px;margin:0;letter-spacing:-.01em}
h2{font-size:17px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:14px;margin:16px 0 6px}
.sub{color:var(--muted);margin:4px 0 0}
.meta{color:var(--muted);font-size:12px;text-align:right}
.warning{margin:16px 0;padding:12px 16px;background:var(--warn-bg);border:1px solid var(--warn-line);border-left:6px solid var(--warn-line);border-radius:6px}
.warning strong{color:#8a2c0d}
table{border-collapse:collapse;width:100%}
.table-wrap{overflow-x:auto}
th,td{padding:7px 8px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
th{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600;background:var(--soft)}
td.num,th.num{text-align:right;white-space:nowrap}
tbody tr:nth-child(even) td{background:#fbfcfd}
.sources td,.sources th{font-size:12px;padding:4px 8px}
.status{font-weight:600;font-size:11px;letter-spacing:.04em;padding:1px 6px;border-radius:4px;white-space:nowrap}
.status.ok{background:#e3f1e8;color:#1d5b34}
.status.stale{background:var(--warn-line);color:#fff}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:20px 0 4px}
.tile{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fff}
.tile .label{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.tile .value{font-size:26px;font-weight:650;margin-top:2px;line-height:1.15}
.tile .note{font-size:12px;color:var(--muted)}
.tile.risk{border-top:4px solid var(--high)}
.band{display:inline-block;min-width:58px;text-align:center;font-size:11px;font-weight:650;letter-spacing:.04em;padding:1px 6px;border-radius:10px;border:1px solid transparent}
.band.high{background:var(--high);color:#fff}
.band.medium{background:var(--medium);color:#2b1d00}
.band.low{background:var(--low);color:#1d3b2a;border-color:#9fc4ad}
.prob{font-size:16px;font-weight:650;display:block}
.up{color:var(--high);font-weight:600;white-space:nowrap}
.down{color:#1d5b34;font-weight:600;white-space:nowrap}
.flat,.new{color:var(--muted);white-space:nowrap}
.acct{font-weight:600}
.small{font-size:12px;color:var(--muted)}
ul.reasons,ul.signals,ul.changes{margin:0;padding-left:16px}
ul.changes{font-weight:400;font-size:12px;color:var(--muted)}
ul.reasons li,ul.signals li{margin:0 0 2px}
ul.reasons.protective{list-style:"\2713  "}
.context{display:block;margin-top:4px}
.next-step{display:block;margin-top:4px;font-size:12px;font-weight:600}
ul.signals{list-style:none;padding-left:0}
.sig{display:inline-block;font-size:10px;font-weight:650;letter-spacing:.03em;text-transform:uppercase;padding:0 5px;border-radius:3px;margin-right:4px;border:1px solid var(--muted);color:var(--ink)}
.sig.critical{background:var(--high);border-color:var(--high);color:#fff}
.sig.warning{background:var(--medium);border-color:var(--medium)}
.sig.new{background:#fff;border-style:dashed}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:20px;align-items:start}
figure{margin:0}
figure svg{max-width:100%;height:auto}
figcaption{font-size:12px;color:var(--muted);margin-top:4px}
dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.figures dt{color:var(--muted)}
dl.figures dd{margin:0;font-weight:600}
.calibration td,.calibration th{font-size:12px;padding:4px 8px}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:36px;padding-top:12px;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}
footer ul{margin:6px 0 0;padding-left:18px}
a{color:var(--accent)}
@media print{
 @page{size:A4 landscape;margin:12mm}
 body{font-size:10.5px}
 main{max-width:none;padding:0}
 h2{break-after:avoid;margin-top:18px}
 tr,figure,.tile,.warning,section.trust{break-inside:avoid}
 thead{display:table-header-group}
 .table-wrap{overflow:visible}
 tbody tr:nth-child(even) td{background:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
}
""";
}
