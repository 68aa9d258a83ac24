using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// Imports benchdnn shape files (one descriptor a line), option lines (<c>--reset --dir=FWD_D
/// --dt=f16 DESCRIPTOR</c>) and batch files (<c>--batch=shapes_ci</c>, resolved beside the file).
/// Option state follows benchdnn: options hold until <c>--reset</c>. Only forward directions and
/// the data types of the harness are expressible (<see cref="BenchdnnAttributes"/>); post-ops, scales
/// and zero points become the case's tokens where it has them (each list of alternatives crossed with
/// the others, as benchdnn does), and memory tags and implementation filters, which do not change the
/// deconvolution, are recorded as ignored. Nothing is dropped silently: every
/// descriptor is either imported or listed with its reason, and what benchdnn itself would refuse
/// (an unknown option, a malformed value or descriptor, a missing batch file) is a
/// <see cref="FormatException"/> naming "file:line: field".
/// </summary>
public static class BenchdnnImport
{
    /// <summary>
    /// The file beside a corpus that names oneDNN's input files it does not copy, one a line: a
    /// <c>--batch</c> of one of them is a counted skip, of any other missing file an error.
    /// </summary>
    public const string NotCopiedFile = ".not-copied";

    public static ImportResult ImportFile(string path)
    {
        var cases = new List<ImportedCase>();
        var rejected = new List<RejectedLine>();
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        Read(Path.GetFullPath(path), new State(), cases, rejected, ignored, [], Path.GetFileName(path));
        return new ImportResult(cases, rejected, ignored.ToList());
    }

    /// <summary>Imports one descriptor with benchdnn's defaults (forward with bias, f32).</summary>
    public static ImportedCase ImportDescriptor(string descriptor)
    {
        var parsed = BenchdnnDescriptor.Parse(descriptor, CaseTypes.F32, hasBias: true);
        return new ImportedCase(parsed.Case, parsed.Name, descriptor);
    }

    private sealed class State
    {
        public string[] Directions = ["FWD_B"];
        public string[] DataTypes = ["f32"];
        public int? Batch;
        public Regex? Match;

        /// <summary>Attribute alternatives, each a list benchdnn crosses with the others ("" is none).</summary>
        public string[] PostOps = [""];
        public string[] Scales = [""];
        public string[] OutputScales = [""];
        public string[] ZeroPoints = [""];
    }

    private static void Read(string path, State state, List<ImportedCase> cases, List<RejectedLine> rejected, SortedSet<string> ignored,
        HashSet<string> open, string includedAt = "")
    {
        if (!open.Add(path))
            throw new FormatException($"{includedAt}: --batch: {Path.GetFileName(path)} includes itself");
        var lines = File.ReadAllLines(path);
        var name = Path.GetFileName(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var source = $"{name}:{i + 1}";
            var text = lines[i].Split('#')[0];
            // A trailing backslash continues the value on the next line, whose indentation is not part of it (benchdnn joins the words).
            while (text.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                text = text.TrimEnd().TrimEnd('\\').TrimEnd() + lines[++i].Split('#')[0].TrimStart();
            foreach (var token in text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith("--", StringComparison.Ordinal))
                {
                    Option(token, path, source, state, cases, rejected, ignored, open);
                }
                else if (BenchdnnDescriptor.IsDescriptor(token))
                {
                    Descriptor(token, source, state, cases, rejected);
                }
                else
                {
                    throw new FormatException($"{source}: '{token}': neither a benchdnn option (--NAME=VALUE) " +
                        "nor a deconvolution descriptor (e.g. mb2ic16oc16ih7kh3sh2ph1)");
                }
            }
        }
        open.Remove(path);
    }

    private static void Option(string token, string path, string source, State state, List<ImportedCase> cases, List<RejectedLine> rejected,
        SortedSet<string> ignored, HashSet<string> open)
    {
        var eq = token.IndexOf('=');
        var key = eq < 0 ? token : token[..eq];
        string? value = eq < 0 ? null : token[(eq + 1)..];
        if (!BenchdnnOptions.Known.TryGetValue(key, out var option))
        {
            throw new FormatException($"{source}: {key}: not a benchdnn deconvolution option " +
                $"(known: {string.Join(" ", BenchdnnOptions.Known.Keys)})");
        }
        if (!option.Accepts(value))
            throw new FormatException($"{source}: {key}: '{value}' is not {option.Allowed}");
        switch (key)
        {
            case "--reset":
                state.Directions = ["FWD_B"];
                state.DataTypes = ["f32"];
                state.Batch = null;
                state.Match = null;
                state.PostOps = state.Scales = state.OutputScales = state.ZeroPoints = [""];
                break;
            case "--attr-post-ops":
                state.PostOps = value!.Split(',');
                break;
            case "--attr-scales":
                state.Scales = value!.Split(',');
                break;
            case "--attr-oscale":
                state.OutputScales = value!.Split(',');
                break;
            case "--attr-zero-points":
                state.ZeroPoints = value!.Split(',');
                break;
            case "--dir":
                state.Directions = value!.Split(',').Select(v => v.ToUpperInvariant()).ToArray();
                break;
            case "--dt" or "--cfg":
                state.DataTypes = value!.Split(',');
                break;
            case "--mb":
                var mb = int.Parse(value!, CultureInfo.InvariantCulture);
                state.Batch = mb > 0 ? mb : null;
                break;
            case "--match":
                state.Match = Pattern(source, value!);
                break;
            case "--batch":
                Batch(value!, token, path, source, state, cases, rejected, ignored, open);
                break;
            default:
                ignored.Add(key);
                break;
        }
    }

    private static Regex Pattern(string source, string value)
    {
        try
        {
            return new Regex(value);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: --match: '{value}' is not a regular expression: {e.Message}");
        }
    }

    /// <summary>Reads an included file; one the corpus says it does not copy is a counted skip, any other missing one an error.</summary>
    private static void Batch(string value, string token, string path, string source, State state, List<ImportedCase> cases,
        List<RejectedLine> rejected, SortedSet<string> ignored, HashSet<string> open)
    {
        var folder = Path.GetDirectoryName(path)!;
        var included = Path.Combine(folder, value);
        if (File.Exists(included))
        {
            Read(included, state, cases, rejected, ignored, open, source);
            return;
        }
        var notCopied = Path.Combine(folder, NotCopiedFile);
        if (File.Exists(notCopied) && File.ReadAllLines(notCopied).Select(l => l.Split('#')[0].Trim()).Contains(value))
        {
            rejected.Add(new RejectedLine(Path.GetFileName(path), token, $"batch file '{value}' is not in this corpus"));
            return;
        }
        var beside = Directory.GetFiles(folder).Select(Path.GetFileName)
            .Where(f => !f!.StartsWith('.') && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        throw new FormatException($"{source}: --batch: no file '{value}' beside {Path.GetFileName(path)} " +
            $"(there: {string.Join(", ", beside)}; oneDNN files left out on purpose are listed in {NotCopiedFile})");
    }

    private static void Descriptor(string token, string source, State state, List<ImportedCase> cases, List<RejectedLine> rejected)
    {
        try
        {
            BenchdnnDescriptor.Parse(token);
        }
        catch (NotExpressibleException)
        {
            // Well formed: counted per direction and data type below.
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: descriptor: {e.Message}");
        }
        if (state.Match is { } match && !match.IsMatch(token)) return;
        foreach (var direction in state.Directions)
        {
            if (!direction.StartsWith("FWD", StringComparison.Ordinal))
            {
                rejected.Add(new RejectedLine(source, token, $"direction {direction} is not a forward deconvolution"));
                continue;
            }
            var attributes =
                from dt in state.DataTypes
                from postOps in state.PostOps
                from scales in state.Scales
                from outputScales in state.OutputScales
                from zeroPoints in state.ZeroPoints
                select (dt, postOps, scales, outputScales, zeroPoints);
            foreach (var (dt, postOps, scales, outputScales, zeroPoints) in attributes)
            {
                try
                {
                    // FWD_D is forward without bias; FWD_B and FWD_I carry one.
                    var parsed = BenchdnnDescriptor.Parse(token, BenchdnnAttributes.Types(dt), hasBias: direction != "FWD_D");
                    var c = state.Batch is { } mb ? parsed.Case with { Batch = mb } : parsed.Case;
                    cases.Add(new ImportedCase(WithAttributes(c, postOps, scales, outputScales, zeroPoints), parsed.Name, source));
                }
                catch (NotExpressibleException e)
                {
                    rejected.Add(new RejectedLine(source, token, e.Message));
                }
            }
        }
    }

    /// <summary>A case with one alternative of each attribute; scales and zero points need a quantized case.</summary>
    private static DeconvCase WithAttributes(DeconvCase c, string postOps, string scales, string outputScales, string zeroPoints)
    {
        if (!c.Types.IsQuantized && (scales + outputScales + zeroPoints).Length > 0)
        {
            throw new NotExpressibleException(
                $"scales and zero points of a {c.Types.Name} case have no token (they belong to quantized cases)");
        }
        var (source, destination) = BenchdnnAttributes.ZeroPoints(zeroPoints);
        var attributed = c with
        {
            PostOps = BenchdnnAttributes.PostOpsOf(postOps),
            PerChannelWeightScales = BenchdnnAttributes.PerChannelWeightScales(scales) || BenchdnnAttributes.PerChannelOutputScales(outputScales),
            SourceZeroPoint = source,
            DestinationZeroPoint = destination,
        };
        try
        {
            attributed.Resolve();
        }
        catch (InvalidCaseException e)
        {
            throw new NotExpressibleException(e.Message);
        }
        return attributed;
    }
}
