using System.Collections.Immutable;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The header fields of an entity and where its body starts.</summary>
internal readonly record struct HeaderBlock(HeaderList Headers, int BodyStart);

/// <summary>Reads a header block: fields until an empty line, with folded lines joined, tolerating garbage.</summary>
internal static class HeaderBlockReader
{
    /// <summary>
    /// Reads fields from <paramref name="start"/>. A line that is neither a field nor a continuation ends the block
    /// (the body starts there, a problem); so does a boundary line of an open multipart (the body is then empty).
    /// With <paramref name="skipMboxMarker"/> (message headers) a first line "From ..." or "&gt;From ..." is skipped.
    /// </summary>
    public static HeaderBlock Read(ReadOnlySpan<byte> data, int start, BoundarySet boundaries, ReadContext context, bool skipMboxMarker)
    {
        var fields = ImmutableArray.CreateBuilder<HeaderField>();
        var limitReported = false;
        var nameStart = -1;
        var nameEnd = -1;
        var valueStart = -1;
        var valueEnd = -1;
        var pos = start;

        void Flush(ReadOnlySpan<byte> span)
        {
            if (nameStart < 0)
            {
                return;
            }

            if (fields.Count < context.Limits.MaxHeaderFields)
            {
                var name = Encoding.ASCII.GetString(span[nameStart..nameEnd]);
                fields.Add(new HeaderField(name, HeaderBytes.DecodeValue(span[valueStart..valueEnd], name, context)));
            }
            else if (!limitReported)
            {
                limitReported = true;
                context.ExceedLimit($"MaxHeaderFields ({context.Limits.MaxHeaderFields}) exceeded: the header fields after the first {context.Limits.MaxHeaderFields} of a block were not read");
            }

            nameStart = -1;
        }

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
                Flush(data);
                return new HeaderBlock(new HeaderList(fields.ToImmutable()), next);
            }

            if (boundaries.Match(data, pos, out _, out _, out _))
            {
                Flush(data);
                return new HeaderBlock(new HeaderList(fields.ToImmutable()), pos);
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (nameStart >= 0)
                {
                    valueEnd = lineEnd;
                }
                else if (pos != start || line.Trim(" \t"u8).Length > 0)
                {
                    context.Report(MimeProblemCodes.HeaderGarbage, "a folded line with no field before it was skipped");
                }

                pos = next;
                continue;
            }

            if (IsField(line, out var colon, out var name))
            {
                Flush(data);
                nameStart = pos;
                nameEnd = pos + name.Length;
                valueStart = pos + colon + 1;
                valueEnd = lineEnd;
            }
            else if (pos == start && skipMboxMarker && (line.StartsWith("From "u8) || line.StartsWith(">From "u8)))
            {
                // An mbox separator kept in front of a message (also of a forwarded one, quoted or not).
            }
            else if (nameStart >= 0 && (line.IndexOfAny(" \t"u8) < 0 || IsField(LineAt(data, next), out _, out _)))
            {
                // A fold that lost its leading whitespace: a word-free run (base64, ids) or more fields after it.
                context.Report(MimeProblemCodes.HeaderGarbage, "a line that is not a header field was read as a badly folded continuation");
                valueEnd = lineEnd;
            }
            else
            {
                Flush(data);
                context.Report(MimeProblemCodes.HeaderGarbage, "a line that is not a header field ended the header block");
                return new HeaderBlock(new HeaderList(fields.ToImmutable()), pos);
            }

            pos = next;
        }

        Flush(data);
        return new HeaderBlock(new HeaderList(fields.ToImmutable()), data.Length);
    }

    private static bool IsField(ReadOnlySpan<byte> line, out int colon, out ReadOnlySpan<byte> name)
    {
        colon = line.IndexOf((byte)':');
        name = colon > 0 ? line[..colon].TrimEnd(" \t"u8) : default;
        return colon > 0 && IsFieldName(name);
    }

    private static ReadOnlySpan<byte> LineAt(ReadOnlySpan<byte> data, int start)
    {
        var line = data[start..];
        var newline = line.IndexOf((byte)'\n');
        return newline < 0 ? line : line[..newline];
    }

    private static bool IsFieldName(ReadOnlySpan<byte> name)
    {
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
}
