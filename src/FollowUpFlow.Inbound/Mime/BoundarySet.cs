namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// The boundaries of the multiparts being read, innermost last. A line is checked against the innermost first,
/// so a child reusing its parent's boundary still nests, and an outer boundary ends every multipart inside it.
/// </summary>
internal sealed class BoundarySet
{
    private readonly List<(byte[] Boundary, int FrameIndex)> open = [];

    public int Count => open.Count;

    public void Push(byte[] boundary, int frameIndex) => open.Add((boundary, frameIndex));

    public void Pop() => open.RemoveAt(open.Count - 1);

    /// <summary>
    /// Whether the line starting at <paramref name="lineStart"/> is "--boundary" or "--boundary--" of an open multipart,
    /// allowing trailing whitespace. <paramref name="next"/> is where the following line starts.
    /// </summary>
    public bool Match(ReadOnlySpan<byte> data, int lineStart, out int frameIndex, out bool isClose, out int next)
    {
        frameIndex = -1;
        isClose = false;
        next = lineStart;
        if (open.Count == 0 || lineStart + 2 > data.Length || data[lineStart] != (byte)'-' || data[lineStart + 1] != (byte)'-')
        {
            return false;
        }

        var rest = data[(lineStart + 2)..];
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var boundary = open[i].Boundary;
            if (!rest.StartsWith(boundary))
            {
                continue;
            }

            var after = boundary.Length;
            var close = rest.Length >= after + 2 && rest[after] == (byte)'-' && rest[after + 1] == (byte)'-';
            if (close)
            {
                after += 2;
            }

            if (EndsLine(rest, after, out var lineEnd))
            {
                frameIndex = open[i].FrameIndex;
                isClose = close;
                next = lineStart + 2 + lineEnd;
                return true;
            }
        }

        return false;
    }

    // Only spaces, tabs and CR may follow a boundary before the line ends.
    private static bool EndsLine(ReadOnlySpan<byte> rest, int from, out int nextLine)
    {
        for (var i = from; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    continue;
                case (byte)'\n':
                    nextLine = i + 1;
                    return true;
                default:
                    nextLine = 0;
                    return false;
            }
        }

        nextLine = rest.Length;
        return true;
    }
}
