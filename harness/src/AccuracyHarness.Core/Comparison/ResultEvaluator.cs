using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Comparison;

/// <summary>Turns a backend's output into a result: metrics, status and the reasons for it.</summary>
public static class ResultEvaluator
{
    /// <summary>
    /// Status and metrics of a backend's output on <paramref name="subject"/>, which ran for <paramref name="seconds"/>,
    /// without the explanation (<see cref="Explain"/>), which costs more.
    /// </summary>
    public static (CaseResult Result, Metrics? Metrics) Evaluate(ComparisonBasis basis, ResultSubject subject, BackendOutput output,
        double seconds)
    {
        switch (output)
        {
            case BackendOutput.NotApplicable na:
                var timed = new ResultMetrics { Seconds = seconds };
                return (new CaseResult { Subject = subject, Status = Status.NotApplicable, Message = na.Reason, Metrics = timed }, null);
            case BackendOutput.Failed failed:
                return (CaseResult.Error(subject, failed.Message, seconds), null);
        }

        var produced = (BackendOutput.Produced)output;
        var metrics = Comparator.Compare(basis, produced.Output);
        var reasons = new List<string>();
        if (IsDegenerate(basis, produced.Output))
            reasons.Add(AllZeros);
        if (produced.NonZeroPaddingLanes > 0)
            reasons.Add($"{produced.NonZeroPaddingLanes} padding lane(s) of the blocked output are not zero");
        reasons.AddRange(produced.Findings);
        var fails = metrics.Mismatches > 0 || reasons.Count > 0;
        if (produced.Note is { Length: > 0 } note) reasons.Add(note);
        var result = new CaseResult
        {
            Subject = subject,
            Status = fails ? Status.Fail : Status.Pass,
            Message = string.Join("; ", reasons),
            Metrics = new ResultMetrics
            {
                MaxAbsErr = metrics.MaxAbsErr,
                MaxRelErr = metrics.MaxRelErr,
                MaxUlp = metrics.MaxUlp,
                BoundRatio = metrics.BoundRatio,
                Mismatches = metrics.Mismatches,
                Elements = metrics.Elements,
                Worst = metrics.Worst is null ? "" : string.Join(",", metrics.Worst.Select(v => v.ToString(CultureInfo.InvariantCulture))),
                Seconds = seconds,
                DeviceTimes = produced.DeviceTimes,
            },
            Diagnosis = new ResultDiagnosis { KnownIssues = produced.KnownIssues, Findings = produced.Findings },
            Impl = produced.Impl ?? "",
        };
        return (result, metrics);
    }

    /// <summary>
    /// Where and why a failing result diverges: the location sentence and error map, the first
    /// diverging stage of a multi-stage backend, and the diagnosis (a known issue the backend
    /// named, the fault model that reproduces the output, or the device's own finding).
    /// </summary>
    public static CaseResult Explain(ComparisonBasis basis, CaseInputs inputs, ReferenceResult reference, BackendOutput output,
        CaseResult result, Metrics? metrics)
    {
        if (result.Status != Status.Fail || metrics is null || output is not BackendOutput.Produced produced) return result;
        var problem = basis.Problem;
        var ratios = metrics.Mismatches > 0 ? Comparator.Ratios(basis, produced.Output) : null;
        var diagnosis = Diagnose(result.Diagnosis, basis, inputs, reference, produced, metrics) with
        {
            Location = ratios is null ? "" : MismatchLocation.Of(problem, ratios).Sentence,
            Map = ratios is null ? null : ErrorMap.Of(problem, ratios),
            Stage = StageChecks.Describe(problem, inputs, produced.Stages),
        };
        return result with { Diagnosis = diagnosis };
    }

    private static ResultDiagnosis Diagnose(ResultDiagnosis found, ComparisonBasis basis, CaseInputs inputs, ReferenceResult reference,
        BackendOutput.Produced produced, Metrics metrics)
    {
        var problem = basis.Problem;
        // A device finding (an invalid access, an uninitialised read, a race) is the verdict whatever the
        // numbers did: what a bad read leaks into the output changes from run to run, the finding does not.
        if (produced.Findings.Length > 0)
        {
            return found with
            {
                Kind = DiagnosisKind.DeviceFinding,
                // A finding ends with the source line it points at; the numbers go on a line of their own.
                Text = $"{DeviceFinding}: {produced.Findings[0]}\nnumbers: {NumericSummary(basis, produced.Output, metrics)}",
            };
        }
        if (produced.KnownIssues.Length > 0)
            return found with { Kind = DiagnosisKind.KnownIssue, Text = ResultText.KnownIssues(produced.KnownIssues) };
        if (metrics.Mismatches > 0)
        {
            var fault = Diagnoser.Diagnose(problem, inputs, reference, produced.Output, searchBudget: MappingSearch.DefaultBudget);
            return found with
            {
                Kind = fault.Model.Length == 0 ? DiagnosisKind.Unexplained
                    : fault.Explained ? DiagnosisKind.FaultModel : DiagnosisKind.ClosestFaultModel,
                FaultModel = fault.Model,
                EquallyFitting = fault.Equally,
                Explanations = fault.Ranked,
                Text = fault.Text,
            };
        }
        return produced.NonZeroPaddingLanes > 0
            ? found with { Kind = DiagnosisKind.PaddingLanesWritten, Text = PaddingLanesWritten }
            : found with { Kind = DiagnosisKind.AllZeros, Text = AllZeros };
    }

    /// <summary>Diagnoses of failures that are not numeric mismatches.</summary>
    public const string DeviceFinding = "device finding";
    public const string PaddingLanesWritten = "padding lanes of the blocked output written";
    public const string AllZeros = "the output is all zeros where the reference is not";

    /// <summary>What the numbers did next to a device finding; non-finite values where the reference is finite are the finding's.</summary>
    private static string NumericSummary(ComparisonBasis basis, Tensor got, Metrics metrics)
    {
        if (metrics.Mismatches == 0) return "they agree";
        var leaked = got.Data.Where((v, i) => !float.IsFinite(v) && float.IsFinite(basis.Stored[i])).Count();
        var summary = $"{metrics.Mismatches} of {metrics.Elements} elements differ";
        return leaked == 0 ? summary : $"{summary} ({leaked} non-finite, attributed to the finding)";
    }

    private static bool IsDegenerate(ComparisonBasis basis, Tensor got) =>
        got.Data.All(v => v == 0) && basis.Stored.Any(v => v != 0);
}
