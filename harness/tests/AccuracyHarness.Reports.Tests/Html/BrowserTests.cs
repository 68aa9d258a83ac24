using AccuracyHarness.Reports.Html;
using AccuracyHarness.Core.Results;
using Microsoft.Playwright;

namespace AccuracyHarness.Reports.Tests.Html;

/// <summary>report.html in a real headless Chromium (Debian's), driven by Playwright without any browser download.</summary>
public class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;
    private readonly List<string> _problems = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!File.Exists(Chromium)) Assert.Fail($"Chromium is missing ({Chromium}): run scripts/setup.sh");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    [SetUp]
    public async Task Open()
    {
        var dir = SampleRun.Folder("browser-" + TestContext.CurrentContext.Test.MethodName);
        new HtmlExporter().Export(SampleRun.Table, dir);
        _problems.Clear();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _page.Console += (_, m) => { if (m.Type is "error" or "warning") _problems.Add($"console {m.Type}: {m.Text}"); };
        _page.PageError += (_, e) => _problems.Add($"page error: {e}");
        _page.Request += (_, r) => { if (!r.Url.StartsWith("file://", StringComparison.Ordinal)) _problems.Add($"request: {r.Url}"); };
        await _page.GotoAsync(new Uri(Path.Combine(dir, HtmlExporter.Name)).AbsoluteUri);
    }

    [TearDown]
    public async Task Close() => await _page.CloseAsync();

    private static StatusCounts Counts => SampleRun.Table.Counts;

    private Task<int> VisibleRows() => _page.Locator("#failures tbody:not([hidden])").CountAsync();

    [Test]
    public async Task Loads_without_console_errors_and_draws_the_first_heat_map()
    {
        Assert.That(await _page.TitleAsync(), Does.Contain($"{Counts.Fail} fail"));
        Assert.That(await _page.Locator("#shown").TextContentAsync(),
            Is.EqualTo($"showing {Counts.Fail + Counts.Error} of {SampleRun.Table.Results.Count - Counts.Pass}"));
        var canvases = _page.Locator("#failures tbody.open .maps canvas");
        Assert.That(await canvases.CountAsync(), Is.GreaterThan(0), "the first failure opens with its heat maps");
        Assert.That(await canvases.First.EvaluateAsync<int>("c => c.width"), Is.GreaterThan(0));
        Assert.That(_problems, Is.Empty);
    }

    [Test]
    public async Task Typing_in_the_filter_hides_rows_that_do_not_match()
    {
        var flipped = SampleRun.Failing.Single(r => r.Diagnosis.Text.StartsWith("weights-not-flipped", StringComparison.Ordinal));
        await _page.Locator("#filter").FillAsync("WEIGHTS-NOT-FLIPPED");
        Assert.That(await VisibleRows(), Is.EqualTo(1));
        Assert.That(await _page.Locator("#failures tbody:not([hidden]) td.id").TextContentAsync(), Is.EqualTo(flipped.CaseId));

        await _page.Locator("#filter").FillAsync("stride=2");
        var stride2 = SampleRun.Table.Results.Count(r =>
            r.Status is Status.Fail or Status.Error && r.Subject.Case.Strides.All(s => s == 2));
        Assert.That(await VisibleRows(), Is.EqualTo(stride2).And.GreaterThan(0));

        await _page.Locator("#filter").FillAsync("");
        await _page.Locator("#status").SelectOptionAsync("n/a");
        Assert.That(await VisibleRows(), Is.EqualTo(Counts.NotApplicable));
        await _page.Locator("#status").SelectOptionAsync("any");
        await _page.Locator("#backend").SelectOptionAsync("ext:mykernel@oclgrind");
        Assert.That(await VisibleRows(),
            Is.EqualTo(SampleRun.Table.Results.Count(r => r.Subject.Backend == "ext:mykernel" && r.Status != Status.Pass)));
        Assert.That(_problems, Is.Empty);
    }

    [Test]
    public async Task Clicking_a_matrix_cell_lists_its_failures()
    {
        await _page.Locator("#matrix td[data-filter='groups=depthwise'][data-backend='opencl-direct@pocl']").ClickAsync();
        Assert.That(await _page.Locator("#filter").InputValueAsync(), Is.EqualTo("groups=depthwise"));
        Assert.That(await VisibleRows(), Is.EqualTo(1));
    }

    [Test]
    public async Task Clicking_a_heading_sorts_and_clicking_again_reverses()
    {
        await _page.Locator("#status").SelectOptionAsync("fail");
        var heading = _page.Locator("#failures th", new() { HasTextString = "bound ratio" });
        await heading.ClickAsync();
        var ascending = await Ratios();
        Assert.That(ascending, Is.Ordered.Ascending.And.Count.EqualTo(Counts.Fail));
        Assert.That(ascending[^1], Is.EqualTo(double.PositiveInfinity), "the NaN output sorts last");
        await heading.ClickAsync();
        Assert.That(await Ratios(), Is.EqualTo(ascending.AsEnumerable().Reverse()));

        await _page.Locator("#failures th", new() { HasTextString = "backend@device" }).ClickAsync();
        var backends = await _page.Locator("#failures tbody:not([hidden]) tr.row td:nth-child(2)").AllTextContentsAsync();
        Assert.That(backends, Is.Ordered.Ascending.Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
        Assert.That(_problems, Is.Empty);
    }

    [Test]
    public async Task A_screenshot_of_the_opened_failures_is_saved()
    {
        await _page.Locator("#expand").ClickAsync();
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "reports-tests", "report.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000));
        Assert.That(await _page.Locator("#failures tbody.open .maps canvas").CountAsync(), Is.GreaterThan(SampleRun.Failing.Count()));
        TestContext.AddTestAttachment(path, "report.html as Chromium renders it");
        Assert.That(_problems, Is.Empty);
    }

    private async Task<List<double>> Ratios() =>
        (await _page.Locator("#failures tbody:not([hidden]) tr.row td:nth-child(6)")
            .EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.v)"))
        .Select(v => v == "Infinity" ? double.PositiveInfinity : double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
