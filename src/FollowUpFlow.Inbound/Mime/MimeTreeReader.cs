using System.Collections.Immutable;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// Reads one message into a tree in a single forward pass, with an explicit stack of open entities instead of recursion.
/// Each line that starts with "--" is checked against the open boundaries, innermost first: an outer boundary closes
/// every multipart inside it, so nothing is scanned twice and a missing closing boundary costs nothing.
/// </summary>
internal sealed class MimeTreeReader
{
    private readonly ReadOnlyMemory<byte> memory;
    private readonly ReadContext context;
    private readonly List<ReaderFrame> stack = [];
    private readonly BoundarySet boundaries = new();
    private MimeMessage? result;

    private MimeTreeReader(ReadOnlyMemory<byte> memory, ReadContext context)
    {
        this.memory = memory;
        this.context = context;
    }

    private enum Step
    {
        MessageHeaders,
        ChildEntity,
        NextBoundary,
        Done,
    }

    /// <param name="depth">How many containers hold this message (0 for the outermost).</param>
    /// <param name="problemStart">Where the message's problems start in the read's problem list.</param>
    public static MimeMessage Read(ReadOnlyMemory<byte> memory, ReadContext context, int depth, int problemStart)
    {
        var reader = new MimeTreeReader(memory, context);
        reader.stack.Add(new MessageFrame(null, null, depth, problemStart));
        var step = Step.MessageHeaders;
        var pos = 0;
        while (step != Step.Done)
        {
            (step, pos) = step switch
            {
                Step.MessageHeaders => reader.BeginMessage(pos),
                Step.ChildEntity => reader.BeginChild(pos),
                _ => reader.Follow(reader.Scan(pos)),
            };
        }

        return reader.result!;
    }

    private (Step, int) BeginMessage(int pos)
    {
        var frame = (MessageFrame)stack[^1];
        var block = HeaderBlockReader.Read(memory.Span, pos, boundaries, context, skipMboxMarker: true);
        frame.Headers = block.Headers;
        return BeginBody(block.Headers, block.BodyStart, frame.BodyDepth, ContentType.TextPlain);
    }

    private (Step, int) BeginChild(int pos)
    {
        if (context.Stopped)
        {
            return StopReading();
        }

        var parent = (MultipartFrame)stack[^1];
        var block = HeaderBlockReader.Read(memory.Span, pos, boundaries, context, skipMboxMarker: false);
        return BeginBody(block.Headers, block.BodyStart, parent.Depth + 1, parent.DefaultChildType);
    }

    private (Step, int) BeginBody(HeaderList headers, int bodyStart, int depth, ContentType defaultType)
    {
        if (context.Stopped)
        {
            return StopReading();
        }

        if (context.PartCount >= context.Limits.MaxParts)
        {
            context.ExceedLimit($"MaxParts ({context.Limits.MaxParts}) exceeded: the parts after the first {context.Limits.MaxParts} were not read");
            context.Stopped = true;
            return StopReading();
        }

        context.PartCount++;
        var type = ContentTypeParser.Parse(headers["Content-Type"], defaultType, context);
        if (type.MediaType == "multipart" && type.Boundary is null)
        {
            context.Report(MimeProblemCodes.BoundaryMissing, $"{type.MimeType} has no boundary parameter; read as one text/plain part");
            type = new ContentType("text", "plain", type.Parameters.Remove("boundary"));
        }

        var opens = type.MediaType == "multipart" || MessageTypes.IsEmbeddedMessage(type);
        if (opens && depth + 1 > context.Limits.MaxDepth)
        {
            context.ExceedLimit($"MaxDepth ({context.Limits.MaxDepth}) exceeded: a {type.MimeType} at depth {depth} was kept unopened");
            opens = false;
        }

        if (opens && type.MediaType == "multipart")
        {
            stack.Add(new MultipartFrame(headers, type, depth));
            boundaries.Push(Encoding.UTF8.GetBytes(type.Boundary!), stack.Count - 1);
            return (Step.NextBoundary, bodyStart);
        }

        if (opens && TransferDecoding.IsIdentity(TransferDecoding.Normalize(headers["Content-Transfer-Encoding"])))
        {
            stack.Add(new MessageFrame(headers, type, depth + 1, context.ProblemCount));
            return (Step.MessageHeaders, bodyStart);
        }

        var hit = Scan(bodyStart);
        var raw = memory[bodyStart..hit.ContentEnd];
        if (opens)
        {
            // A message/rfc822 sent base64 or quoted-printable (not allowed, but seen): decode it, then read it.
            var encoding = TransferDecoding.Normalize(headers["Content-Transfer-Encoding"]);
            var decoded = TransferDecoding.Decode(raw, encoding, context, type.MimeType + " part");
            var embedded = Read(decoded, context, depth + 1, context.ProblemCount);
            Attach(PartFactory.Message(headers, type, embedded, context));
        }
        else
        {
            Attach(PartFactory.Leaf(headers, type, raw, context));
        }

        return Follow(hit);
    }

    /// <summary>Goes on from a boundary line (or the end): closes what it ends, then reads the next child or skips the epilogue.</summary>
    private (Step, int) Follow(BoundaryHit hit)
    {
        if (result is not null)
        {
            return (Step.Done, 0);
        }

        if (hit.FrameIndex < 0)
        {
            while (result is null)
            {
                CloseTop(reportUnclosed: true);
            }

            return (Step.Done, 0);
        }

        while (stack.Count - 1 > hit.FrameIndex)
        {
            CloseTop(reportUnclosed: true);
        }

        if (!hit.IsClose)
        {
            return (Step.ChildEntity, hit.Next);
        }

        CloseTop(reportUnclosed: false);
        return result is null ? (Step.NextBoundary, hit.Next) : (Step.Done, 0);
    }

    private (Step, int) StopReading()
    {
        while (result is null)
        {
            CloseTop(reportUnclosed: false);
        }

        return (Step.Done, 0);
    }

    private void CloseTop(bool reportUnclosed)
    {
        if (stack[^1] is MultipartFrame multipart)
        {
            stack.RemoveAt(stack.Count - 1);
            boundaries.Pop();
            if (reportUnclosed)
            {
                context.Report(MimeProblemCodes.BoundaryNotClosed, $"{multipart.Type.MimeType} with boundary \"{multipart.Type.Boundary}\" has no closing boundary");
            }

            Attach(PartFactory.Multipart(multipart.Headers, multipart.Type, [.. multipart.Children], context));
        }
        else
        {
            // A message whose body was never reached (the reader stopped first).
            Attach(PartFactory.Empty());
        }
    }

    /// <summary>Adds a finished part to the entity it belongs to; a message that gets its body is finished too, and so on up.</summary>
    private void Attach(MimePart part)
    {
        while (true)
        {
            if (stack[^1] is MultipartFrame multipart)
            {
                multipart.Children.Add(part);
                return;
            }

            var frame = (MessageFrame)stack[^1];
            stack.RemoveAt(stack.Count - 1);
            var message = MessageBuilder.Build(frame.Headers, part, context, frame.ProblemStart);
            if (frame.PartHeaders is null)
            {
                result = message;
                return;
            }

            part = PartFactory.Message(frame.PartHeaders, frame.PartType!, message, context);
        }
    }

    /// <summary>Finds the next boundary line of an open multipart from <paramref name="pos"/> (a line start).</summary>
    private BoundaryHit Scan(int pos)
    {
        var data = memory.Span;
        if (boundaries.Count == 0)
        {
            return new BoundaryHit(-1, false, data.Length, data.Length);
        }

        var lineStart = pos;
        while (true)
        {
            if (boundaries.Match(data, lineStart, out var frameIndex, out var isClose, out var next))
            {
                return new BoundaryHit(frameIndex, isClose, ContentEnd(data, pos, lineStart), next);
            }

            var found = data[lineStart..].IndexOf("\n--"u8);
            if (found < 0)
            {
                return new BoundaryHit(-1, false, data.Length, data.Length);
            }

            lineStart += found + 1;
        }
    }

    // The line break before a boundary belongs to the boundary, not to the content.
    private static int ContentEnd(ReadOnlySpan<byte> data, int start, int lineStart)
    {
        var end = lineStart;
        if (end > start && data[end - 1] == (byte)'\n')
        {
            end--;
        }

        if (end > start && data[end - 1] == (byte)'\r')
        {
            end--;
        }

        return end;
    }

    /// <summary>A boundary line found: whose it is (-1 for the end of the data), whether it closes, where content ends and the next line starts.</summary>
    private readonly record struct BoundaryHit(int FrameIndex, bool IsClose, int ContentEnd, int Next);
}
