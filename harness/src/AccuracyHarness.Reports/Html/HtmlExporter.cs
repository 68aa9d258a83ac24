using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Reports.Html;

/// <summary>
/// report.html: one self-contained page (inline CSS and vanilla JS, no external assets, a
/// content security policy that forbids fetching any) with the run's environment, totals, a
/// pass/fail matrix of backend x case feature, and a sortable, filterable table of the results
/// that did not pass, each with its diagnosis, location, heat maps of the error and repro.
/// </summary>
public sealed class HtmlExporter(ResultComparison? comparison = null) : IExporter
{
    public const string Name = "report.html";

    /// <summary>
    /// Heat maps are embedded for this many non-passing results at most (each can take ~20 kB),
    /// so that a nightly run with thousands of failures still gives a page a browser opens.
    /// </summary>
    public const int MaxMaps = 500;

    private const string LevelAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private const string FilterInput =
        "<input id=\"filter\" type=\"search\" placeholder=\"filter: words in case id, diagnosis, location… or stride=2, layout=nhwc\" " +
        "size=\"48\" autocomplete=\"off\">";

    private const string FailureHeadings =
        "<thead><tr><th data-sort=\"text\">status</th><th data-sort=\"text\">backend@device</th><th data-sort=\"text\">case</th>" +
        "<th data-sort=\"text\">dtype</th><th data-sort=\"text\">layout</th><th data-sort=\"num\">bound ratio</th>" +
        "<th data-sort=\"num\">mismatches</th><th data-sort=\"text\">diagnosis</th><th data-sort=\"text\">where</th></tr></thead>";

    public string FileName => Name;

    public void Export(ResultTable table, string directory) =>
        File.WriteAllText(Path.Combine(directory, Name), Render(table), new UTF8Encoding(false));

    public string Render(ResultTable table)
    {
        var columns = table.Results.Select(Column).Distinct().Order(StringComparer.Ordinal).ToList();
        var listed = table.Results.Where(r => r.Status != Status.Pass)
            .OrderBy(r => r.IsKnown ? 2 : r.Status switch { Status.Fail or Status.Unstable => 0, Status.Error => 1, _ => 3 }).ToList();
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>AccuracyHarness report: {table.Counts}</title>
            <style>{Resource("report.css")}</style>
            </head>
            <body>
            """);
        Header(html, table);
        Overview(html, table, columns);
        if (comparison is not null) Comparison(html, comparison);
        Matrix(html, table, columns);
        FailureTable(html, listed, columns);
        html.Append($"<script>{Resource("report.js")}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Column(CaseResult r) => $"{r.Subject.Backend}@{r.Subject.Device}";

    private static void Header(StringBuilder html, ResultTable table)
    {
        var started = table.Info.Started is { } s ? $"run started {s:yyyy-MM-dd HH:mm:ss zzz}" : "start time unknown";
        var written = DateTimeOffset.Now;
        html.Append($"""
            <header>
            <h1>AccuracyHarness report</h1>
            <div class="sub">{H(started)} · {table.Results.Count} results · report written {written:yyyy-MM-dd HH:mm:ss zzz}</div>
            <div class="totals">
            """);
        // Baselined divergences are "known", never "fail": the header agrees with the exit code (README: Reports).
        var n = table.Counts;
        foreach (var (css, count, label) in new[]
        {
            ("fail", n.Fail, "fail"), ("known", n.Known, "known"), ("error", n.Error, "error"), ("pass", n.Pass, "pass"),
            ("na", n.NotApplicable, "n/a"), ("unstable", n.Unstable, "unstable"),
        })
            html.Append($"<span class=\"chip {css}\"><b>{count}</b> {label}</span>");
        html.Append("</div>\n</header>\n");
    }

    private static void Overview(StringBuilder html, ResultTable table, IReadOnlyList<string> columns)
    {
        html.Append("<section class=\"overview\">\n<div>\n<h2>Environment</h2>\n<table class=\"env\">\n");
        if (table.Info.CommandLine.Length > 0) html.Append($"<tr><th>command</th><td><code>{H(table.Info.CommandLine)}</code></td></tr>\n");
        html.Append($"<tr><th>backends</th><td>{H(string.Join(", ", columns))}</td></tr>\n");
        foreach (var (name, value) in table.Info.Environment)
            html.Append($"<tr><th>{H(name)}</th><td>{H(value)}</td></tr>\n");
        html.Append("</table>\n</div>\n<div>\n<h2>Per backend</h2>\n<table class=\"per\">\n<tr><th>backend@device</th>" +
            "<th>fail</th><th>known</th><th>error</th><th>pass</th><th>n/a</th><th>unstable</th><th>seconds</th></tr>\n");
        foreach (var g in table.Results.GroupBy(Column).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = StatusCounts.Of(g);
            html.Append($"<tr><th>{H(g.Key)}</th><td class=\"{(n.Fail > 0 ? "fail" : "")}\">{n.Fail}</td>" +
                $"<td class=\"{(n.Known > 0 ? "known" : "")}\">{n.Known}</td>" +
                $"<td class=\"{(n.Error > 0 ? "error" : "")}\">{n.Error}</td><td>{n.Pass}</td><td>{n.NotApplicable}</td>" +
                $"<td class=\"{(n.Unstable > 0 ? "unstable" : "")}\">{n.Unstable}</td>" +
                $"<td>{g.Sum(r => r.Metrics.Seconds).ToString("0.##", CultureInfo.InvariantCulture)}</td></tr>\n");
        }
        html.Append("</table>\n</div>\n</section>\n");
    }

    private static void Comparison(StringBuilder html, ResultComparison c)
    {
        html.Append($"<section id=\"compare\">\n<h2>Since {H(c.Previous)}: {H(c.Counts)}</h2>\n");
        foreach (var (title, changes) in new[]
            {
                ("Newly failing", c.NewlyFailing), ("Newly passing", c.NewlyPassing),
                ("Newly known (failing as the baseline expects)", c.NewlyKnown),
            })
        {
            if (changes.Count == 0) continue;
            html.Append($"<h3>{title}</h3>\n<table class=\"changes\">\n" +
                "<tr><th>was</th><th>now</th><th>backend@device</th><th>case</th><th>diagnosis</th></tr>\n");
            foreach (var change in changes)
            {
                var r = change.Now;
                html.Append($"<tr><td>{H(ResultComparison.Was(change.Before))}</td>" +
                    $"<td><span class=\"badge {Css(r)}\">{H(Shown(r))}</span></td>" +
                    $"<td>{H(Column(r))}</td><td class=\"id\">{Id(r.CaseId)}</td><td>{H(r.Diagnosis.Text)}</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("</section>\n");
    }

    private static void Matrix(StringBuilder html, ResultTable table, IReadOnlyList<string> columns)
    {
        html.Append("<section>\n<h2>Pass/fail by case feature</h2>\n<p class=\"hint\">Each cell: failing (fail or error, not known) " +
            "of all results with that feature on that backend; known: only baselined divergences. " +
            "Click a cell to list its failures.</p>\n" +
            "<table id=\"matrix\">\n<thead><tr><th>feature</th><th>value</th>");
        foreach (var column in columns) html.Append($"<th>{H(column)}</th>");
        html.Append("</tr></thead>\n");
        foreach (var (feature, value) in Features.All)
        {
            var byValue = table.Results.GroupBy(r => value(r.Subject.Case)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            html.Append("<tbody>");
            for (var i = 0; i < byValue.Count; i++)
            {
                html.Append("<tr>");
                if (i == 0) html.Append($"<th rowspan=\"{byValue.Count}\">{H(feature)}</th>");
                html.Append($"<td class=\"v\">{H(byValue[i].Key)}</td>");
                var token = $"{feature.Replace(' ', '-')}={byValue[i].Key}";
                foreach (var column in columns)
                    html.Append(MatrixCell(byValue[i].Where(r => Column(r) == column).ToList(), token, column));
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n");
        }
        html.Append("</table>\n</section>\n");
    }

    private static string MatrixCell(IReadOnlyList<CaseResult> results, string token, string column)
    {
        if (results.Count == 0) return "<td class=\"none\"></td>";
        var n = StatusCounts.Of(results);
        var title = $"{column}, {token}: {n}";
        var (css, text) = n.Bad > 0 ? ("fail", $"✗ {n.Bad}/{n.Total}") : n.Known > 0 ? ("known", $"≈ {n.Known}/{n.Total}")
            : n.Pass > 0 ? ("pass", $"✓ {n.Pass}") : ("na", "n/a");
        return $"<td class=\"cell {css}\" data-filter=\"{H(token)}\" data-backend=\"{H(column)}\" title=\"{H(title)}\">{text}</td>";
    }

    private static void FailureTable(StringBuilder html, IReadOnlyList<CaseResult> listed, IReadOnlyList<string> columns)
    {
        var options = string.Concat(columns.Select(c => $"<option value=\"{H(c)}\">{H(c)}</option>"));
        html.Append($"""
            <section>
            <h2>Results that did not pass</h2>
            <div class="controls">
            {FilterInput}
            <select id="status"><option value="bad">fail + error</option><option value="fail">fail</option>
            <option value="known">known</option><option value="error">error</option><option value="n/a">n/a</option>
            <option value="any">all not passing</option></select>
            <select id="backend"><option value="">all backends</option>{options}</select>
            <button id="expand" type="button">expand all</button>
            <span id="shown"></span>
            </div>
            <p class="hint">Click a row for its diagnosis, heat map and repro. Click a column heading to sort.</p>
            <table id="failures">
            {FailureHeadings}

            """);
        for (var i = 0; i < listed.Count; i++) Row(html, listed[i], withMap: i < MaxMaps);
        html.Append("</table>\n");
        if (listed.Count == 0) html.Append("<p class=\"empty\">Every result passed.</p>\n");
        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, CaseResult r, bool withMap)
    {
        var status = Shown(r);
        var (d, m) = (r.Diagnosis, r.Metrics);
        var why = d.Text.Length > 0 ? H(d.Text) : $"<span class=\"muted\">{H(ResultText.Message(r))}</span>";
        var search = string.Join(" ", status, Column(r), r.CaseId, d.Text, d.Location, ResultText.Message(r), d.Stage, r.Impl,
            Features.Tokens(r.Subject.Case));
        html.Append($"<tbody data-status=\"{H(status)}\" data-backend=\"{H(Column(r))}\" data-search=\"{H(search)}\">\n");
        html.Append($"<tr class=\"row\"><td><span class=\"badge {Css(r)}\">{H(status)}</span></td><td>{H(Column(r))}</td>" +
            $"<td class=\"id\">{Id(r.CaseId)}</td><td>{H(ResultText.DataType(r))}</td><td>{H(ResultText.Layout(r))}</td>");
        html.Append(r.Status == Status.Fail
            ? $"<td class=\"num\" data-v=\"{Sortable(m.BoundRatio)}\">{Short(m.BoundRatio)}</td>" +
                $"<td class=\"num\" data-v=\"{m.Mismatches}\">{m.Mismatches}/{m.Elements}</td>"
            : "<td class=\"num\" data-v=\"-1\"></td><td class=\"num\" data-v=\"-1\"></td>");
        html.Append($"<td>{why}</td><td>{H(d.Location)}</td></tr>\n");
        html.Append("<tr class=\"detail\"><td colspan=\"9\"><div class=\"detail\"><dl>");
        void Item(string label, string value)
        {
            if (value.Length > 0) html.Append($"<dt>{label}</dt><dd>{H(value)}</dd>");
        }
        foreach (var (label, value) in ResultText.Explanation(r)) Item(label, value);
        Item("source", r.Subject.Source);
        html.Append($"</dl><div class=\"repro\"><code>{H(ReproLine.Of(r.Subject))}</code>" +
            "<button type=\"button\" class=\"copy\">copy</button></div>");
        if (d.Map is { } map)
        {
            html.Append(withMap
                ? $"<div class=\"maps\" data-map=\"{H(Encode(map))}\">" +
                    $"<div class=\"caption\">{H(MapCaption(r.Subject.Case, map))}</div></div>"
                : $"<p class=\"muted\">Heat map left out: only the first {MaxMaps} results carry one in this page " +
                    "(all are in results.jsonl).</p>");
        }
        html.Append("</div></td></tr>\n</tbody>\n");
    }

    /// <summary>What the grid covers: the output's last two spatial axes, with what was pooled into each cell.</summary>
    private static string MapCaption(DeconvCase c, ErrorMap map)
    {
        var output = c.Resolve().Output;
        var (height, width) = c.Rank == 1 ? (1, output[0]) : (output[^2], output[^1]);
        var shape = c.Rank switch
        {
            1 => $"output width {width}",
            2 => $"output {height}x{width} (rows y, columns x)",
            _ => $"output {output} (rows y, columns x, max over depth)",
        };
        var pooled = map.Rows < height || map.Columns < width ? $", pooled to {map.Rows}x{map.Columns} cells by maximum" : "";
        var batch = c.Batch > 1 ? ", max over batch" : "";
        var shown = map.Channels.Count < c.OutChannels ? $"; the {map.Channels.Count} worst of {c.OutChannels} channels" : "";
        return $"Error over the bound per output channel: {shape}{pooled}{batch}{shown}.";
    }

    /// <summary>
    /// The map for the page: "RxC;channel:levels;...", one character a cell from
    /// <see cref="LevelAlphabet"/>: 0 no error, 1 within the bound, 2..62 ten steps a decade of
    /// bound ratio above 1 (capped at 10^6), 63 infinite. report.js decodes the same levels.
    /// </summary>
    public static string Encode(ErrorMap map) =>
        $"{map.Rows}x{map.Columns};" + string.Join(";", map.Channels.Select((c, k) =>
            c.ToString(CultureInfo.InvariantCulture) + ":" + new string(map.Cells[k].Select(v => LevelAlphabet[Level(v)]).ToArray())));

    private static int Level(double ratio) =>
        ratio == 0 ? 0
        : ratio < 0 || !double.IsFinite(ratio) ? 63
        : ratio <= 1 ? 1
        : 2 + (int)Math.Min(60, Math.Floor(Math.Log10(ratio) * 10));

    private static string Short(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsFinite(v) ? v.ToString("G3", CultureInfo.InvariantCulture) : "∞";

    private static string Sortable(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "Infinity";

    /// <summary>The status a row shows: "known" for a failure or error the baseline expects, else its status.</summary>
    private static string Shown(CaseResult r) => r.IsKnown ? "known" : StatusNames.Of(r.Status);

    private static string Css(CaseResult r) => r.Status == Status.NotApplicable ? "na" : Shown(r);

    /// <summary>A case id that may wrap at its separators in a narrow column.</summary>
    private static string Id(string id) => string.Join("_<wbr>", id.Split('_').Select(H));

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AccuracyHarness.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
