using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.Onnx.Schema;

namespace AccuracyHarness.Onnx;

/// <summary>
/// An ONNX backend test folder (model.onnx plus test_data_set_*/input_N.pb and output_0.pb) whose
/// model holds one ConvTranspose node. input_N.pb feeds the N-th graph input that is not an
/// initializer; weights and bias may come from either.
/// </summary>
public sealed record NodeTest(string Name, string Folder, byte[] ModelBytes, ModelProto Model, DeconvCase Case,
    IReadOnlyList<NodeTestDataSet> DataSets)
{
    public const string ModelFile = "model.onnx";

    /// <summary>Where Debian's libonnx-testdata (installed by scripts/setup.sh) keeps ONNX's backend tests.</summary>
    public const string DebianTestData = "/usr/share/libonnx-testdata/data";

    public static NodeTest Load(string folder)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, ModelFile));
        var model = ModelProto.Parser.ParseFrom(bytes);
        var node = ConvTransposeReader.FindNode(model);
        var @case = ConvTransposeReader.ReadCase(model);
        var runtimeInputs = ConvTransposeReader.RuntimeInputs(model.Graph);
        var dataSets = Directory.GetDirectories(folder, "test_data_set_*")
            .Order(StringComparer.Ordinal)
            .Select(d => LoadDataSet(d, model, node, runtimeInputs))
            .ToList();
        return new NodeTest(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, bytes, model, @case, dataSets);
    }

    /// <summary>Test folders under <paramref name="root"/> whose model has a ConvTranspose node, sorted by name.</summary>
    public static IReadOnlyList<string> FindConvTransposeTests(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, ModelFile, SearchOption.AllDirectories)
                .Where(f => ModelProto.Parser.ParseFrom(File.ReadAllBytes(f)).Graph.Node.Any(n => n.OpType == ConvTransposeReader.OpType))
                .Select(f => Path.GetDirectoryName(f)!)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static NodeTestDataSet LoadDataSet(string folder, ModelProto model, NodeProto node, IReadOnlyList<string> runtimeInputs)
    {
        var tensors = model.Graph.Initializer.ToDictionary(i => i.Name, OnnxTensors.FromProto, StringComparer.Ordinal);
        for (var i = 0; i < runtimeInputs.Count; i++)
        {
            var path = Path.Combine(folder, $"input_{i}.pb");
            if (File.Exists(path)) tensors[runtimeInputs[i]] = OnnxTensors.Read(path);
        }
        Tensor Named(int index) => tensors.TryGetValue(node.Input[index], out var t)
            ? t
            : throw new InvalidDataException($"{folder}: no tensor for {ConvTransposeReader.OpType} input '{node.Input[index]}'");
        var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? Named(2) : null;
        return new NodeTestDataSet(
            Path.GetFileName(folder),
            new CaseInputs(Named(0), Named(1), bias),
            OnnxTensors.Read(Path.Combine(folder, "output_0.pb")));
    }
}
