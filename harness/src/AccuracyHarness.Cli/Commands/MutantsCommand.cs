using System.CommandLine;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Mutants;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.OneDnn.Mutants;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Mutants;
using Spectre.Console;
using Status = AccuracyHarness.Core.Results.Status;

namespace AccuracyHarness.Cli.Commands;

/// <summary>`mutants`: runs the built-in faulty kernels and rules and shows whether each was caught and correctly named.</summary>
public static class MutantsCommand
{
    /// <summary>Share of mutants that must be named correctly (all must be caught).</summary>
    public const double RequiredNamed = 0.9;

    /// <summary>Oclgrind simulates every work-item: mutants for it run on a few of the suite's smallest cases.</summary>
    private const int OclgrindCases = 4;

    /// <summary>Failing results per mutant whose diagnosis missed the planted fault, listed on stderr.</summary>
    private const int MisnamedShown = 5;

    private static readonly Option<string[]> Suites = CommonOptions.Suites("Suite(s) to run each mutant on (default: cases/smoke).");

    private static readonly Option<string[]> Only = new("--mutant")
    {
        Description = "Run only these mutants (repeatable; default: all).",
        HelpName = "NAME",
    };

    private static readonly Option<int> Jobs = CommonOptions.Jobs("Cases run at the same time (default 1).");

    private static readonly Option<int?> Generated = new("--generated")
    {
        Description = "Instead of the built-in mutants, write N random index-mapping faults into the direct kernel and run those.",
        HelpName = "N",
    };

    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the generated mutants (the same seed writes the same mutants; default 1).",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Folder for the generated kernels (NAME.cl) and their scores (generated.tsv).",
        HelpName = "DIR",
    };

    public static Command Create()
    {
        var command = new Command("mutants", """
            Run the built-in mutants (deliberately faulty variants of the project's kernels and replacement
            rules) on a suite and print, for each: caught (some result fails), the diagnosis the harness
            gave, and whether it names the planted fault. Exit 0 when every mutant is caught and at least
            90% are named correctly.

            Mutants:
            """ + string.Join("\n", All.Select(m => $"  {m.Name,-32} {m.Description} (expect {m.Expected})")) + """


            Example:
              scripts/harness mutants --suite cases/smoke --jobs 2
              scripts/harness mutants --generated 200 --seed 7 --out /tmp/generated
            """)
        {
            Suites, Only, Jobs, Generated, Seed, Out,
        };
        command.SetAction(Execute);
        return command;
    }

    /// <summary>Every family's mutants: the OpenCL kernels and rules, then the oneDNN mappings.</summary>
    public static IReadOnlyList<Mutant> All { get; } = [.. MutantCatalogue.All, .. OneDnnMutants.All];

    public sealed record Row(string Mutant, string Expected, bool Caught, string Diagnosis, bool Correct, int Named, int Failing,
        int Results);

    private static int Execute(ParseResult parsed)
    {
        var jobs = parsed.GetValue(Jobs);
        var gemm = BackendWiring.ReferenceGemm(jobs);
        var suites = parsed.GetValue(Suites) is { Length: > 0 } given ? given : [Path.Combine(ProjectPaths.Cases, "smoke")];
        var cases = suites.SelectMany(s => SuiteLoading.Load(s).Cases).DistinctBy(c => c.Case).ToList();
        var mutants = parsed.GetValue(Only) is { Length: > 0 } names
            ? names.Select(n => Try(() => All.FirstOrDefault(m => m.Name == n)
                ?? throw new KeyNotFoundException($"unknown mutant '{n}' (known: {string.Join(", ", All.Select(m => m.Name))})"))).ToList()
            : All.ToList();
        if (parsed.GetValue(Generated) is { } count)
            return GeneratedMutants.Run(count, parsed.GetValue(Seed), parsed.GetValue(Out), cases, jobs);

        var rows = new List<Row>();
        foreach (var mutant in mutants)
        {
            var backend = Try(mutant.Create);
            var subset = mutant.Device == OpenClDevices.Oclgrind
                ? cases.OrderBy(c => c.Case.Resolve().OutputShape.Product()).Take(OclgrindCases).ToList()
                : cases;
            var results = new RunPipeline([backend], new RunOptions { Jobs = jobs, Gemm = gemm }).Run(subset, []);
            rows.Add(Score(mutant, results));
            Console.Error.WriteLine($"mutant {mutant.Name}: {rows[^1].Failing}/{rows[^1].Results} failing");
            // What the harness said instead, where it did not name the planted fault: the cases to improve the diagnosis on.
            foreach (var miss in results.Where(r => r.Status == Status.Fail && !Names(r, mutant.Expected)).Take(MisnamedShown))
                Console.Error.WriteLine($"  misnamed: {miss.CaseId}: {miss.Diagnosis.Text}");
        }
        Print(rows);
        var caught = rows.Count(r => r.Caught);
        var correct = rows.Count(r => r.Correct);
        return caught == rows.Count && correct >= RequiredNamed * rows.Count ? ExitCodes.Success : ExitCodes.Divergence;
    }

    /// <summary>
    /// Caught: at least one result fails. The mutant's diagnosis is the most common one among its
    /// failing results; it is correct when that names the expected fault model outright.
    /// <see cref="Row.Named"/> counts the failing results that name it, first or as an equally good fit.
    /// </summary>
    public static Row Score(Mutant mutant, IReadOnlyList<CaseResult> results)
    {
        var failing = results.Where(r => r.Status == Status.Fail).ToList();
        var diagnosis = failing.GroupBy(Naming.Of).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .FirstOrDefault()?.Key;
        var named = failing.Count(r => Names(r, mutant.Expected));
        return new Row(mutant.Name, mutant.Expected, failing.Count > 0, diagnosis?.Label ?? "", diagnosis?.Names(mutant.Expected) ?? false,
            named, failing.Count, results.Count);
    }

    /// <summary>Whether a result's diagnosis names the model, first or as an equally good fit.</summary>
    private static bool Names(CaseResult r, string expected) =>
        Naming.Of(r).Names(expected) || r.Diagnosis.EquallyFitting.Contains(expected);

    /// <summary>
    /// What a failing result's diagnosis names: the fault model it explains or comes closest to, a device
    /// finding, else its sentence. Only an explained model or a device finding names a mutant's expectation.
    /// </summary>
    private sealed record Naming(DiagnosisKind Kind, string FaultModel, string Sentence)
    {
        public static Naming Of(CaseResult r) => r.Diagnosis switch
        {
            { Kind: DiagnosisKind.FaultModel or DiagnosisKind.ClosestFaultModel } d => new(d.Kind, d.FaultModel, ""),
            { Kind: DiagnosisKind.DeviceFinding } d => new(d.Kind, "", ""),
            var d => new(d.Kind, "", d.Text),
        };

        /// <param name="expected">
        /// A fault model's name or <see cref="ResultEvaluator.DeviceFinding"/> (<see cref="Mutant.Expected"/>).
        /// </param>
        public bool Names(string expected) => Kind switch
        {
            DiagnosisKind.FaultModel => FaultModel == expected,
            DiagnosisKind.DeviceFinding => expected == ResultEvaluator.DeviceFinding,
            _ => false,
        };

        /// <summary>The mutants table's diagnosis column.</summary>
        public string Label => Kind switch
        {
            DiagnosisKind.FaultModel => FaultModel,
            DiagnosisKind.ClosestFaultModel => $"closest: {FaultModel}",
            DiagnosisKind.DeviceFinding => ResultEvaluator.DeviceFinding,
            _ => Sentence,
        };
    }

    private static void Print(IReadOnlyList<Row> rows)
    {
        var table = new Table().AddColumns("mutant", "expected", "caught", "diagnosis", "correct", "failing/results", "named/failing");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Mutant), Markup.Escape(r.Expected), r.Caught ? "yes" : "NO", Markup.Escape(r.Diagnosis),
                r.Correct ? "yes" : "no", $"{r.Failing}/{r.Results}", $"{r.Named}/{r.Failing}");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        console.Write(table);
        var caught = rows.Count(r => r.Caught);
        var correct = rows.Count(r => r.Correct);
        Console.WriteLine($"mutants: {rows.Count}, caught {caught} ({100.0 * caught / Math.Max(1, rows.Count):0}%), "
            + $"correctly named {correct} ({100.0 * correct / Math.Max(1, rows.Count):0}%)");
    }

    private static T Try<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (Exception e) when (e is KeyNotFoundException or OpenClUnavailableException)
        {
            throw new UsageException(e.Message);
        }
    }
}
