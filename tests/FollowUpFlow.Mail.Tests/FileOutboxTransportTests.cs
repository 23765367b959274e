using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail.Tests;

public sealed class FileOutboxTransportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _time = new(Now);
    private readonly ListLogger<FileOutboxTransport> _logger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_one_eml_file_named_after_the_message_id()
    {
        var message = Messages.Sample();

        var result = await Transport().SendAsync(message, CancellationToken.None);

        var file = Assert.Single(_folder.AllFiles());
        Assert.Equal(Path.Combine(_folder.Path, "draft-42@followupflow.local.eml"), file);
        Assert.Equal(file, result.Location);
        Assert.Equal(message.MessageId, result.MessageId);
        Assert.Equal(Now, result.SentAt);
        Assert.Equal(RfcMessageWriter.WriteBytes(message), await File.ReadAllBytesAsync(file));
        Assert.Equal(message.TextBody, MessageReader.Parse(await File.ReadAllTextAsync(file)).DecodedBody());
    }

    [Fact]
    public async Task Creates_the_folder_when_missing()
    {
        Assert.False(Directory.Exists(_folder.Path));
        await Transport().SendAsync(Messages.Sample(), CancellationToken.None);
        Assert.True(Directory.Exists(_folder.Path));
    }

    [Fact]
    public async Task Different_messages_get_different_files()
    {
        var transport = Transport();
        await transport.SendAsync(Messages.Sample("draft-1"), CancellationToken.None);
        await transport.SendAsync(Messages.Sample("draft-2"), CancellationToken.None);
        await transport.SendAsync(Messages.Sample("Draft-1"), CancellationToken.None);

        Assert.Equal(3, _folder.AllFiles().Length);
        Assert.All(_folder.AllFiles(), f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_the_same_message_twice_leaves_one_file_and_reports_the_first_send()
    {
        var transport = Transport();
        var first = await transport.SendAsync(Messages.Sample(), CancellationToken.None);

        _time.Now = Now.AddHours(1);
        var second = await transport.SendAsync(Messages.Sample() with { Subject = "changed on retry" }, CancellationToken.None);

        Assert.Single(_folder.AllFiles());
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(first.SentAt, second.SentAt);
        Assert.Contains("Subject: Thank you for today's interview", await File.ReadAllTextAsync(first.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_by_a_new_transport_instance_is_also_exactly_once()
    {
        var first = await Transport().SendAsync(Messages.Sample(), CancellationToken.None);
        var second = await Transport().SendAsync(Messages.Sample(), CancellationToken.None);

        Assert.Single(_folder.AllFiles());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Concurrent_sends_of_the_same_message_leave_exactly_one_file()
    {
        var transport = Transport();
        var message = Messages.Sample();
        var results = new System.Collections.Concurrent.ConcurrentBag<SendResult>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 64),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, ct) => results.Add(await transport.SendAsync(message, ct)));

        var file = Assert.Single(_folder.AllFiles());
        Assert.Equal(64, results.Count);
        Assert.All(results, r => Assert.Equal(file, r.Location));
        Assert.Equal(RfcMessageWriter.WriteBytes(message), await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Concurrent_sends_from_separate_instances_leave_exactly_one_file()
    {
        var message = Messages.Sample();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Transport().SendAsync(message, CancellationToken.None))));
        Assert.Single(_folder.AllFiles());
    }

    [Fact]
    public async Task CheckSentAsync_reports_whether_the_message_left()
    {
        var transport = Transport();
        var message = Messages.Sample();

        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(message.MessageId, CancellationToken.None));
        await transport.SendAsync(message, CancellationToken.None);
        Assert.Equal(SendCheck.Sent, await transport.CheckSentAsync(message.MessageId, CancellationToken.None));
        Assert.Equal(SendCheck.NotSent, await transport.CheckSentAsync(MessageIds.Create("other", "followupflow.local"), CancellationToken.None));
    }

    [Fact]
    public async Task CheckSentAsync_refuses_a_malformed_id() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Transport().CheckSentAsync("../../etc/passwd", CancellationToken.None));

    [Fact]
    public async Task No_temp_files_are_left_behind()
    {
        var transport = Transport();
        await transport.SendAsync(Messages.Sample("a"), CancellationToken.None);
        await transport.SendAsync(Messages.Sample("a"), CancellationToken.None);
        await Parallel.ForEachAsync(Enumerable.Range(0, 32), async (_, ct) => await transport.SendAsync(Messages.Sample("b"), ct));

        Assert.Equal(2, _folder.AllFiles().Length);
        Assert.DoesNotContain(_folder.AllFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_send_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Transport().SendAsync(Messages.Sample(), cancelled.Token));
        Assert.Empty(_folder.AllFiles());
    }

    [Fact]
    public async Task Ids_with_upper_case_or_odd_characters_get_distinct_safe_names()
    {
        var transport = Transport();
        var upper = await transport.SendAsync(Messages.Sample("ABC"), CancellationToken.None);
        var lower = await transport.SendAsync(Messages.Sample("abc"), CancellationToken.None);
        var odd = await transport.SendAsync(Messages.Sample("a/b{c}|d"), CancellationToken.None);

        Assert.Equal(3, new[] { upper.Location, lower.Location, odd.Location }.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(_folder.AllFiles(), f => Assert.Equal(_folder.Path, Path.GetDirectoryName(f)));
        Assert.Equal("abc@followupflow.local.eml", Path.GetFileName(lower.Location));
    }

    [Fact]
    public async Task Logs_ids_and_paths_but_never_the_body_or_subject()
    {
        var message = Messages.Sample() with { TextBody = "secret body words", Subject = "secret subject words" };
        var transport = Transport();
        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        Assert.Contains(_logger.Lines, l => l.Contains(message.MessageId, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, l => l.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction() =>
        Assert.Throws<OptionsValidationException>(() =>
            new FileOutboxTransport(Options.Create(new FileOutboxOptions { Folder = " " }), _time, _logger));

    private FileOutboxTransport Transport() =>
        new(Options.Create(new FileOutboxOptions { Folder = _folder.Path }), _time, _logger);
}
