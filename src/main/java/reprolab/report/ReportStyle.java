package reprolab.report;

/** The report's one style sheet, inline in the page; the print rules keep charts and tables whole on paper. */
final class ReportStyle {

    private ReportStyle() {
    }

    static final String CSS = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
                   background: #fff; margin: 0; }
            main { max-width: 980px; margin: 0 auto; padding: 16px 24px 40px; }
            h1 { font-size: 1.6em; margin: 0.4em 0 0.1em; }
            h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 1.6em; }
            .sub, .note, footer, figcaption { color: #555; font-size: 0.9em; }
            .verdict { font-size: 1.1em; padding: 10px 14px; border-left: 6px solid #888; background: #f4f4f4; }
            .verdict.same { border-color: #2ca02c; background: #eef8ee; }
            .verdict.differ { border-color: #d62728; background: #fbeeee; }
            .verdict.open { border-color: #ff7f0e; background: #fdf3e7; }
            .empty-state { color: #555; font-style: italic; padding: 18px; border: 1px dashed #bbb; text-align: center; }
            table { border-collapse: collapse; margin: 8px 0 14px; font-size: 0.9em; }
            th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td { overflow-wrap: break-word; }
            table.settings td:first-child { white-space: nowrap; }
            table.matrix td.same { background: #e3f4e3; }
            table.matrix td.differ { background: #f9dede; }
            table.matrix td.open { background: #fdf0de; }
            table.matrix td.self { background: #fafafa; }
            pre { background: #f6f6f6; border: 1px solid #ddd; padding: 8px; overflow-x: auto; font-size: 0.85em;
                  white-space: pre-wrap; overflow-wrap: break-word; }
            figure { margin: 8px 0 16px; }
            svg.chart { max-width: 100%; height: auto; font: 11px sans-serif; }
            svg .title { font-size: 13px; font-weight: 600; }
            svg .plot { fill: #fff; stroke: #999; }
            svg .grid { stroke: #e4e4e4; }
            svg .tick, svg .legend { fill: #333; }
            svg .axis { fill: #333; font-size: 12px; }
            svg .empty { fill: #777; text-anchor: middle; font-style: italic; }
            svg .line { fill: none; stroke-width: 1.5; }
            svg .band { fill: #1f77b4; fill-opacity: 0.15; stroke: none; }
            svg .cell.same { fill: #e2e2e2; }
            svg .cell.differ { fill: #d62728; }
            @media print {
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              figure, table, pre, .verdict { break-inside: avoid; }
              h2 { break-after: avoid; }
              details > summary { list-style: none; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
