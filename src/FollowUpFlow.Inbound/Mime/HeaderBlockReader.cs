using System.Collections.Immutable;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The header fields of an entity and where its body starts.</summary>
internal readonly record struct HeaderBlock(HeaderList Headers, int BodyStart);

/// <summary>Reads a header block: fields until an empty line, with folded lines joined, tolerating garbage.</summary>
internal static class HeaderBlockReader
{
    // More stray lines in a row than this are not a broken fold but a body that lost its blank line.
    private const int MaxBrokenFoldLines = 3;

    /// <summary>
    /// Reads fields from <paramref name="start"/>. A line that is neither a field nor a continuation is read as a fold
    /// that lost its whitespace when it has no spaces (base64, ids) or a field follows it; otherwise, or after more than
    /// three such lines in a row, the body starts there (a problem). A boundary line of an open multipart also ends the
    /// block (the body is then empty). With <paramref name="skipMboxMarker"/> (message headers) a first line
    /// "From ..." or "&gt;From ..." is skipped.
    /// </summary>
    public static HeaderBlock Read(ReadOnlySpan<byte> data, int start, BoundarySet boundaries, ReadContext context, bool skipMboxMarker)
    {
        var fields = new FieldCollector(context);
        var strayLines = 0;
        var strayStart = 0;
        var pos = start;
        while (pos < data.Length)
        {
            var newline = data[pos..].IndexOf((byte)'\n');
            var next = newline < 0 ? data.Length : pos + newline + 1;
            var lineEnd = newline < 0 ? data.Length : pos + newline;
            if (lineEnd > pos && data[lineEnd - 1] == (byte)'\r')
            {
                lineEnd--;
            }

            var line = data[pos..lineEnd];
            if (line.IsEmpty)
            {
                return fields.Finish(data, next);
            }

            if (boundaries.Match(data, pos, out _, out _, out _))
            {
                return fields.Finish(data, pos);
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                fields.Continue(lineEnd, pos != start || !line.Trim(" \t"u8).IsEmpty);
                strayLines = 0;
            }
            else if (IsField(line, out var colon, out var name))
            {
                fields.Begin(data, pos, name.Length, colon, lineEnd);
                strayLines = 0;
            }
            else if (pos == start && skipMboxMarker && (line.StartsWith("From "u8) || line.StartsWith(">From "u8)))
            {
                // An mbox separator kept in front of a message (also of a forwarded one, quoted or not).
            }
            else if (fields.IsOpen && strayLines < MaxBrokenFoldLines && (line.IndexOfAny(" \t"u8) < 0 || IsField(LineAt(data, next), out _, out _)))
            {
                strayStart = strayLines == 0 ? pos : strayStart;
                fields.ContinueStray(lineEnd, first: strayLines == 0);
                strayLines++;
            }
            else
            {
                // The body starts at the first of the stray lines; those read as folds so far go back to the body.
                var bodyStart = pos;
                if (strayLines > 0)
                {
                    bodyStart = strayStart;
                    fields.DropStray();
                }

                context.Report(MimeProblemCodes.HeaderGarbage, "a line that is not a header field ended the header block");
                return fields.Finish(data, bodyStart);
            }

            pos = next;
        }

        return fields.Finish(data, data.Length);
    }

    private static bool IsField(ReadOnlySpan<byte> line, out int colon, out ReadOnlySpan<byte> name)
    {
        colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon].TrimEnd(" \t"u8) : default;
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var b in name)
        {
            if (b is < 33 or > 126)
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> LineAt(ReadOnlySpan<byte> data, int start)
    {
        var line = data[start..];
        var newline = line.IndexOf((byte)'\n');
        return newline < 0 ? line : line[..newline];
    }

    /// <summary>The fields read so far and the one being read (as offsets until it is complete).</summary>
    private sealed class FieldCollector(ReadContext context)
    {
        private readonly ImmutableArray<HeaderField>.Builder fields = ImmutableArray.CreateBuilder<HeaderField>();
        private bool limitReported;
        private int nameStart = -1;
        private int nameEnd;
        private int valueStart;
        private int valueEnd;
        private int valueEndBeforeStray;

        public bool IsOpen => nameStart >= 0;

        public void Begin(ReadOnlySpan<byte> data, int lineStart, int nameLength, int colon, int lineEnd)
        {
            Flush(data);
            nameStart = lineStart;
            nameEnd = lineStart + nameLength;
            valueStart = lineStart + colon + 1;
            valueEnd = lineEnd;
        }

        public void Continue(int lineEnd, bool meaningful)
        {
            if (IsOpen)
            {
                valueEnd = lineEnd;
            }
            else if (meaningful)
            {
                context.Report(MimeProblemCodes.HeaderGarbage, "a folded line with no field before it was skipped");
            }
        }

        public void ContinueStray(int lineEnd, bool first)
        {
            if (first)
            {
                valueEndBeforeStray = valueEnd;
                context.Report(MimeProblemCodes.HeaderGarbage, "a line that is not a header field was read as a badly folded continuation");
            }

            valueEnd = lineEnd;
        }

        public void DropStray() => valueEnd = valueEndBeforeStray;

        public HeaderBlock Finish(ReadOnlySpan<byte> data, int bodyStart)
        {
            Flush(data);
            return new HeaderBlock(new HeaderList(fields.ToImmutable()), bodyStart);
        }

        private void Flush(ReadOnlySpan<byte> data)
        {
            if (!IsOpen)
            {
                return;
            }

            if (fields.Count < context.Limits.MaxHeaderFields)
            {
                var name = Encoding.ASCII.GetString(data[nameStart..nameEnd]);
                fields.Add(new HeaderField(name, HeaderBytes.DecodeValue(data[valueStart..valueEnd], name, context)));
            }
            else if (!limitReported)
            {
                limitReported = true;
                context.ExceedLimit($"MaxHeaderFields ({context.Limits.MaxHeaderFields}) exceeded: the header fields after the first {context.Limits.MaxHeaderFields} of a block were not read");
            }

            nameStart = -1;
        }
    }
}
