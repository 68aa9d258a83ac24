using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// A small picture of where the error is, for the HTML report's heat map: per output channel
/// (at most <see cref="MaxChannels"/>, the worst ones), a grid over the last two spatial axes
/// (rows = y, or 1 for 1D; columns = x) holding the largest bound ratio of the elements that
/// fall in each cell, over batch and depth. Grids larger than <see cref="MaxCells"/> per side
/// are pooled by taking the maximum. Infinite ratios (NaN, exact-mode misses) are stored as -1.
/// </summary>
public sealed record ErrorMap(int Rows, int Columns, IReadOnlyList<int> Channels, IReadOnlyList<double[]> Cells)
{
    public const int MaxChannels = 16;
    public const int MaxCells = 32;

    public static ErrorMap Of(Problem p, double[] ratios)
    {
        var axes = p.Axes3D();
        int depth = axes[0].Out, height = axes[1].Out, width = axes[2].Out;
        int rows = Math.Min(height, MaxCells), columns = Math.Min(width, MaxCells);
        var channels = p.Case.OutChannels;
        var grids = Enumerable.Range(0, channels).Select(_ => new double[rows * columns]).ToArray();
        var plane = depth * height * width;
        for (var i = 0; i < ratios.Length; i++)
        {
            var r = ratios[i];
            if (r == 0) continue;
            var oc = i / plane % channels;
            var rest = i % plane;
            var y = rest / width % height;
            var x = rest % width;
            var cell = (y * rows / height * columns) + (x * columns / width);
            var value = double.IsFinite(r) ? r : -1;
            var grid = grids[oc];
            if (grid[cell] >= 0 && (value < 0 || value > grid[cell])) grid[cell] = value;
        }
        static double Worst(double[] g) => g.Any(v => v < 0) ? double.PositiveInfinity : g.DefaultIfEmpty(0).Max();
        var chosen = Enumerable.Range(0, channels).OrderByDescending(c => Worst(grids[c])).ThenBy(c => c).Take(MaxChannels).Order()
            .ToList();
        return new ErrorMap(rows, columns, chosen, chosen.Select(c => grids[c]).ToList());
    }

    /// <summary>A compact text form for results.jsonl: "rows x columns; channel: v,v,...; ...".</summary>
    public string Encode() =>
        $"{Rows}x{Columns};" + string.Join(";", Channels.Select((c, k) =>
            c.ToString(CultureInfo.InvariantCulture) + ":"
                + string.Join(",", Cells[k].Select(v => v.ToString("G3", CultureInfo.InvariantCulture)))));

    public static ErrorMap? Decode(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var parts = text.Split(';');
        var size = parts[0].Split('x');
        var rows = int.Parse(size[0], CultureInfo.InvariantCulture);
        var columns = int.Parse(size[1], CultureInfo.InvariantCulture);
        var channels = new List<int>();
        var cells = new List<double[]>();
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':');
            channels.Add(int.Parse(part[..colon], CultureInfo.InvariantCulture));
            cells.Add(part[(colon + 1)..].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        return new ErrorMap(rows, columns, channels, cells);
    }
}
