using System.Globalization;
using System.Text;

namespace FollowUpFlow.Benchmarks;

/// <summary>Markdown output with invariant formatting, so the tables paste straight into docs/BENCHMARKS.md.</summary>
public static class Markdown
{
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(3, all.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        var sb = new StringBuilder();
        AppendRow(sb, headers, widths, rightAligned);
        sb.Append('|');
        for (var i = 0; i < widths.Length; i++)
        {
            var right = rightAligned?.Contains(i) == true;
            sb.Append(' ').Append(new string('-', right ? widths[i] - 1 : widths[i])).Append(right ? ":" : "").Append(" |");
        }

        sb.Append('\n');
        foreach (var row in all)
        {
            AppendRow(sb, row, widths, rightAligned);
        }

        return sb.ToString();
    }

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths, IReadOnlySet<int>? rightAligned)
    {
        sb.Append('|');
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = rightAligned?.Contains(i) == true ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            sb.Append(' ').Append(cell).Append(" |");
        }

        sb.Append('\n');
    }
}
