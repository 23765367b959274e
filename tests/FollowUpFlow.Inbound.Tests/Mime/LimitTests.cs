using System.Globalization;
using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class LimitTests
{
    private static string Nested(int levels)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n");
        }

        return builder.Append("Content-Type: text/plain\n\ndeep\n").ToString();
    }

    private static int Depth(MimePart part)
    {
        var depth = 0;
        for (var current = part; current.Children.Length > 0; current = current.Children[0])
        {
            depth++;
        }

        return depth;
    }

    [Fact]
    public void MaxDepth_stops_opening_containers_and_names_the_limit()
    {
        var message = Mail.Parse(Nested(40), MimeLimits.Default with { MaxDepth = 5 });

        Assert.Equal(5, Depth(message.Body));
        Assert.StartsWith("MaxDepth (5) exceeded", message.LimitExceeded, StringComparison.Ordinal);
        Assert.Contains(MimeProblemCodes.LimitExceeded, Mail.Codes(message));
    }

    [Fact]
    public void Hostile_nesting_far_past_the_limit_neither_throws_nor_overflows()
    {
        var message = Mail.Parse(Nested(100_000));

        Assert.Equal(MimeLimits.Default.MaxDepth, Depth(message.Body));
        Assert.NotNull(message.LimitExceeded);
    }

    [Fact]
    public void Embedded_messages_count_in_the_depth()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Subject: level {i}\nContent-Type: message/rfc822\n\n");
        }

        var message = Mail.Parse(builder.Append("Subject: bottom\n\ntext").ToString(), MimeLimits.Default with { MaxDepth = 3 });

        var levels = 0;
        for (var current = message; current.Body.EmbeddedMessage is { } inner; current = inner)
        {
            levels++;
        }

        Assert.Equal(3, levels);
        Assert.StartsWith("MaxDepth (3) exceeded", message.LimitExceeded, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxParts_stops_reading_further_parts_and_names_the_limit()
    {
        var builder = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (var i = 0; i < 50; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"--b\nContent-Type: text/plain\n\npart {i}\n");
        }

        var message = Mail.Parse(builder.Append("--b--\n").ToString(), MimeLimits.Default with { MaxParts = 10 });

        Assert.Equal(9, message.Body.Children.Length);
        Assert.Equal("part 8", message.Body.Children[^1].Text);
        Assert.StartsWith("MaxParts (10) exceeded", message.LimitExceeded, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxHeaderFields_keeps_the_first_fields_and_names_the_limit()
    {
        var builder = new StringBuilder("Subject: kept\n");
        for (var i = 0; i < 100; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"X-Field-{i}: {i}\n");
        }

        var message = Mail.Parse(builder.Append("Content-Type: text/html\n\n<p>body</p>").ToString(), MimeLimits.Default with { MaxHeaderFields = 20 });

        Assert.Equal(20, message.Headers.Count);
        Assert.Equal("kept", message.Subject);
        Assert.Equal("<p>body</p>", message.Body.Text);
        Assert.StartsWith("MaxHeaderFields (20) exceeded", message.LimitExceeded, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxBytes_reads_only_the_first_bytes_and_names_the_limit()
    {
        var text = "Subject: big\n\n" + new string('x', 10_000);

        var fromSpan = MimeReader.Parse(Mail.Crlf(text).AsSpan(), MimeLimits.Default with { MaxBytes = 1_000 });
        var fromMemory = MimeReader.Parse(Mail.Crlf(text).AsMemory(), MimeLimits.Default with { MaxBytes = 1_000 });

        foreach (var message in new[] { fromSpan, fromMemory })
        {
            Assert.Equal("big", message.Subject);
            Assert.Equal(1_000 - "Subject: big\r\n\r\n".Length, message.Body.Text!.Length);
            Assert.StartsWith("MaxBytes (1000) exceeded", message.LimitExceeded, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Within_the_limits_nothing_is_exceeded()
    {
        var message = Mail.Parse(Nested(3));

        Assert.Null(message.LimitExceeded);
        Assert.Empty(message.Problems.Where(p => p.Code == MimeProblemCodes.LimitExceeded));
    }
}
