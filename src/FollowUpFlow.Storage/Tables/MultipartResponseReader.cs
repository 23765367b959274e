namespace FollowUpFlow.Storage.Tables;

/// <summary>One embedded HTTP response of a $batch reply.</summary>
internal sealed record BatchPartResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Reads a multipart/mixed $batch reply, descending into nested changesets, and returns the embedded
/// HTTP responses in order. Tolerates LF or CRLF line ends.
/// </summary>
internal static class MultipartResponseReader
{
    public static List<BatchPartResponse> Read(string body, string contentType)
    {
        var responses = new List<BatchPartResponse>();
        var boundary = BoundaryOf(contentType) ?? throw new FormatException("The batch response has no multipart boundary.");
        ReadParts(body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'), boundary, responses);
        return responses;
    }

    public static string? BoundaryOf(string contentType)
    {
        foreach (var parameter in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return parameter["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }

    private static void ReadParts(string[] lines, string boundary, List<BatchPartResponse> responses)
    {
        var delimiter = "--" + boundary;
        List<string>? part = null;
        foreach (var line in lines)
        {
            if (line == delimiter || line == delimiter + "--")
            {
                if (part is not null)
                {
                    ReadPart(part, responses);
                }

                part = line == delimiter ? [] : null;
            }
            else
            {
                part?.Add(line);
            }
        }
    }

    private static void ReadPart(List<string> lines, List<BatchPartResponse> responses)
    {
        var (headers, bodyStart) = ReadHeaders(lines, 0);
        var contentType = headers.GetValueOrDefault("Content-Type", string.Empty);
        var content = lines.Skip(bodyStart).ToArray();
        if (contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) && BoundaryOf(contentType) is { } inner)
        {
            ReadParts(content, inner, responses);
        }
        else if (contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            responses.Add(ReadHttpResponse(content));
        }
    }

    private static BatchPartResponse ReadHttpResponse(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith("HTTP/", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new FormatException("A batch response part has no HTTP status line.");
        }

        var statusParts = lines[start].Split(' ', 3);
        var status = int.Parse(statusParts[1], System.Globalization.CultureInfo.InvariantCulture);
        var (headers, bodyStart) = ReadHeaders(lines, start + 1);
        var body = string.Join('\n', lines.Skip(bodyStart)).Trim();
        return new BatchPartResponse(status, headers, body);
    }

    private static (Dictionary<string, string> Headers, int BodyStart) ReadHeaders(IReadOnlyList<string> lines, int start)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start;

        // A part may begin with blank lines before its headers.
        while (i < lines.Count && lines[i].Length == 0)
        {
            i++;
        }

        for (; i < lines.Count && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        return (headers, Math.Min(i + 1, lines.Count));
    }
}
