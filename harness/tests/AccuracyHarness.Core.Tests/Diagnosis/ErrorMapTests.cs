using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Diagnosis;

public class ErrorMapTests
{
    [Test]
    public void Large_grids_are_pooled_by_maximum_and_the_worst_channels_are_kept()
    {
        var p = CaseId.Parse("mb2_ic1_oc20_in40x70_k1x1").Resolve();
        var ratios = new double[p.OutputShape.Product()];
        var strides = Tensor.Strides(p.OutputShape);
        ratios[(1 * strides[0]) + (19 * strides[1]) + (39 * strides[2]) + 69] = 5;
        ratios[(0 * strides[0]) + (2 * strides[1]) + 0] = double.PositiveInfinity;
        var map = ErrorMap.Of(p, ratios);
        Assert.That((map.Rows, map.Columns), Is.EqualTo((32, 32)));
        Assert.That(map.Channels, Has.Count.EqualTo(ErrorMap.MaxChannels).And.Contains(19).And.Contains(2));
        Assert.That(map.Cells[map.Channels.ToList().IndexOf(19)][(31 * 32) + 31], Is.EqualTo(5));
        Assert.That(map.Cells[map.Channels.ToList().IndexOf(2)][0], Is.EqualTo(-1));
    }

    [Test]
    public void Maps_travel_through_results_jsonl()
    {
        var p = CaseId.Parse("ic1_oc2_in3_k1").Resolve();
        var map = ErrorMap.Of(p, [0, 2.5, 0, 0, double.NaN, 1e-3]);
        var result = new CaseResult
        {
            Subject = new ResultSubject(p.Case, "b", "d"), Status = Status.Fail, Diagnosis = new ResultDiagnosis { Map = map },
            Metrics = new ResultMetrics { BoundRatio = double.PositiveInfinity },
        };
        var back = ResultJson.FromLine(ResultJson.ToLine(result));
        Assert.That(back.Diagnosis.Map!.Encode(), Is.EqualTo(map.Encode()));
        Assert.That(back.Metrics.BoundRatio, Is.EqualTo(double.PositiveInfinity));
        Assert.That(ResultJson.ToLine(back), Is.EqualTo(ResultJson.ToLine(result)));
    }
}
