using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace FollowUpFlow.App.Dashboard;

/// <summary>The one place text becomes HTML: every dynamic value is encoded here, in element content and in attributes alike.</summary>
internal static class Html
{
    /// <summary>Encodes &lt; &gt; &amp; " and ' so a value can sit in element content or in a double-quoted attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}

/// <summary>Markup that is already HTML (a fragment built by <see cref="HtmlBuilder"/>): passed through, never encoded twice.</summary>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Builds a page from interpolated strings in which the literal parts are markup and every hole is encoded text,
/// unless it is <see cref="Markup"/>: <c>html.Append($"&lt;td&gt;{company}&lt;/td&gt;")</c> cannot inject a tag.
/// </summary>
internal sealed class HtmlBuilder
{
    internal StringBuilder Buffer { get; } = new();

    public HtmlBuilder Append([InterpolatedStringHandlerArgument("")] ref HtmlInterpolation html) => this;

    public Markup ToMarkup() => new(Buffer.ToString());

    public override string ToString() => Buffer.ToString();
}

[InterpolatedStringHandler]
internal readonly ref struct HtmlInterpolation
{
    private readonly StringBuilder _buffer;

    public HtmlInterpolation(int literalLength, int formattedCount, HtmlBuilder html)
    {
        _ = formattedCount;
        _buffer = html.Buffer;
        _buffer.EnsureCapacity(_buffer.Length + literalLength);
    }

    public void AppendLiteral(string markup) => _buffer.Append(markup);

    public void AppendFormatted(Markup markup) => _buffer.Append(markup.Value);

    public void AppendFormatted(string? text) => _buffer.Append(Html.Encode(text));

    public void AppendFormatted<T>(T value) => _buffer.Append(Html.Encode(Convert.ToString(value, CultureInfo.InvariantCulture)));

    public void AppendFormatted<T>(T value, string format)
        where T : IFormattable => _buffer.Append(Html.Encode(value.ToString(format, CultureInfo.InvariantCulture)));
}
