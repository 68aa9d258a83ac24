using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Tensors;

public class TensorTests
{
    [TestCase(NpyType.F16)]
    [TestCase(NpyType.F32)]
    [TestCase(NpyType.F64)]
    public void Npy_round_trips(NpyType type)
    {
        var path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        var shape = new Dims(2, 3, 4);
        var values = Enumerable.Range(0, 24).Select(i => (i - 12) * 0.25).ToArray();
        try
        {
            Npy.Write(path, shape, type, i => values[i]);
            var read = Npy.Read(path);
            Assert.That(read.Shape, Is.EqualTo(shape));
            Assert.That(read.Type, Is.EqualTo(type));
            Assert.That(read.Values, Is.EqualTo(values));
            var bytes = File.ReadAllBytes(path);
            var headerEnd = 10 + BitConverter.ToUInt16(bytes, 8);
            Assert.That(headerEnd % 64, Is.Zero, "numpy aligns the data to 64 bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Npy_rejects_what_it_cannot_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        try
        {
            File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
            Assert.That(() => Npy.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("bad magic"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Fills_are_deterministic_and_depend_on_the_seed()
    {
        var p = CaseId.Parse("ic3_oc2_in4x4_k3x3_bias_seed3").Resolve();
        var a = Fill.For(p);
        var b = Fill.For(p);
        var other = Fill.For((p.Case with { Seed = 4 }).Resolve());
        Assert.That(b.Input.Data, Is.EqualTo(a.Input.Data));
        Assert.That(b.Weights.Data, Is.EqualTo(a.Weights.Data));
        Assert.That(other.Input.Data, Is.Not.EqualTo(a.Input.Data));
        Assert.That(a.Input.Data, Is.All.InRange(-1f, 1f));
        Assert.That(a.Input.Data.Distinct().Count(), Is.GreaterThan(40), "random fill must not repeat values");
    }

    [Test]
    public void Exact_fill_uses_small_integers_and_f16_values_are_representable()
    {
        var exact = Fill.For(CaseId.Parse("ic3_oc2_in4x4_k3x3_bias_exact").Resolve());
        Assert.That(exact.Input.Data, Is.All.Matches<float>(v => v == MathF.Round(v) && Math.Abs(v) <= 4));
        Assert.That(exact.Weights.Data, Is.All.Matches<float>(v => v == MathF.Round(v) && Math.Abs(v) <= 2));
        var half = Fill.For(CaseId.Parse("ic3_oc2_in4x4_k3x3_f16").Resolve());
        Assert.That(half.Input.Data, Is.All.Matches<float>(v => (float)(Half)v == v));
        Assert.That(half.Input.StorageType, Is.EqualTo(DataType.F16));
    }

    [TestCase(LayoutFamily.Nchw)]
    [TestCase(LayoutFamily.Nhwc)]
    [TestCase(LayoutFamily.Blocked16)]
    public void Layouts_pack_and_unpack_every_element_once(LayoutFamily family)
    {
        var layout = new DataLayout(family, 2, 19, new Dims(3, 2));
        var logical = Enumerable.Range(1, (int)layout.LogicalLength).Select(i => (float)i).ToArray();
        var physical = layout.Pack(logical);
        Assert.That(layout.Unpack(physical), Is.EqualTo(logical));
        var misplaced = 0;
        layout.ForEach((l, p) => misplaced += physical[p] == logical[l] ? 0 : 1);
        Assert.That(misplaced, Is.Zero, "every element must land at its Offset");
        Assert.That(physical.Count(v => v != 0), Is.EqualTo(logical.Length));
        var padding = layout.PaddingOffsets().ToArray();
        Assert.That(padding, Has.Length.EqualTo(physical.Length - logical.Length));
        Assert.That(padding.Select(o => physical[o]), Is.All.Zero);
    }

    /// <summary>Packing into a reused array (a device backend's staging, larger and holding a previous case) matches a fresh pack.</summary>
    [TestCase(LayoutFamily.Nhwc)]
    [TestCase(LayoutFamily.Blocked16)]
    public void Packing_into_a_used_array_clears_its_padding_lanes(LayoutFamily family)
    {
        var layout = new DataLayout(family, 2, 19, new Dims(3, 2));
        var logical = Enumerable.Range(1, (int)layout.LogicalLength).Select(i => (float)i).ToArray();
        var used = Enumerable.Repeat(float.NaN, (int)layout.PhysicalLength + 5).ToArray();
        layout.Pack(logical, used);
        Assert.That(used[..(int)layout.PhysicalLength], Is.EqualTo(layout.Pack(logical)));
    }

    [Test]
    public void Blocked_layout_keeps_sixteen_channels_innermost()
    {
        var layout = new DataLayout(LayoutFamily.Blocked16, 1, 20, new Dims(2, 2));
        Assert.That(layout.Offset(0, 1, 0, 0, 0), Is.EqualTo(1));
        Assert.That(layout.Offset(0, 0, 0, 0, 1), Is.EqualTo(16));
        Assert.That(layout.Offset(0, 16, 0, 0, 0), Is.EqualTo(16 * 4));
        Assert.That(layout.PhysicalLength, Is.EqualTo(32 * 4));
        var nhwc = new DataLayout(LayoutFamily.Nhwc, 1, 3, new Dims(2, 2));
        Assert.That(nhwc.Offset(0, 2, 0, 1, 0), Is.EqualTo((2 * 3) + 2));
    }
}
