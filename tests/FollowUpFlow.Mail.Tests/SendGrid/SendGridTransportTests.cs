using System.Net;
using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.SendGrid;

public sealed class SendGridTransportTests : IAsyncLifetime
{
    private SendGridHarness _harness = null!;

    private FakeSendGridServer Fake => _harness.Fake;

    public async Task InitializeAsync() => _harness = await SendGridHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static OutgoingMessage FullMessage() => Messages.Sample() with
    {
        To = [new MailAddress("Jamie Recruiter", "jamie@hiring.example.org"), new MailAddress("sam@hiring.example.org")],
        Cc = [new MailAddress("Pat Lead", "pat@hiring.example.org")],
        InReplyTo = "<CAF=original-1@mail.hiring.example.org>",
        References = ["<thread-0@mail.hiring.example.org>", "<CAF=original-1@mail.hiring.example.org>"],
        ExtraHeaders = [new MessageHeader("X-FollowUpFlow-Draft-Id", "draft-42")],
    };

    [Fact]
    public async Task The_request_has_the_documented_shape_and_carries_every_part_of_the_message()
    {
        var message = FullMessage();

        var result = await _harness.Transport.SendAsync(message, CancellationToken.None);

        Assert.Empty(Fake.Violations);
        var request = Assert.Single(Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {SendGridHarness.ApiKey}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var mail = Assert.IsType<FakeSendGridMail>(request.Mail);
        Assert.Equal(
            ["categories", "content", "custom_args", "from", "headers", "personalizations", "reply_to", "subject"],
            mail.Fields.Order(StringComparer.Ordinal));

        var personalization = Assert.Single(mail.Personalizations);
        Assert.Equal(
            [new FakeSendGridAddress("jamie@hiring.example.org", "Jamie Recruiter"), new FakeSendGridAddress("sam@hiring.example.org", null)],
            personalization.To);
        Assert.Equal([new FakeSendGridAddress("pat@hiring.example.org", "Pat Lead")], personalization.Cc);
        Assert.Empty(personalization.Bcc);
        Assert.Null(personalization.Subject);

        Assert.Equal(new FakeSendGridAddress("alex@example.com", "Alex Candidate"), mail.From);
        var expectedReplyTo = _harness.Transport.ReplyAddresses.AddressFor(message.MessageId);
        Assert.Equal(new FakeSendGridAddress(expectedReplyTo.Address, "Alex Candidate"), mail.ReplyTo);
        Assert.Matches($"^reply\\+[a-z2-7]{{26}}@{SendGridHarness.ReplyDomain.Replace(".", "\\.", StringComparison.Ordinal)}$", mail.ReplyTo!.Email);

        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal([new FakeSendGridContent("text/plain", message.TextBody)], mail.Content);

        Assert.Equal(message.MessageId, mail.Headers["Message-ID"]);
        Assert.Equal(message.InReplyTo, mail.Headers["In-Reply-To"]);
        Assert.Equal("<thread-0@mail.hiring.example.org> <CAF=original-1@mail.hiring.example.org>", mail.Headers["References"]);
        Assert.Equal("draft-42", mail.Headers["X-FollowUpFlow-Draft-Id"]);
        Assert.Equal(4, mail.Headers.Count);

        Assert.Equal(["followupflow"], mail.Categories);
        Assert.Equal(message.MessageId, Assert.Single(mail.CustomArgs, a => a.Key == "followupflow_message_id").Value);

        Assert.Equal(new SendResult(message.MessageId, SendGridHarness.Start, request.SendGridMessageId!), result);
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
    }

    [Fact]
    public async Task An_html_body_is_sent_as_text_and_HTML_content_with_text_plain_first()
    {
        var message = FullMessage() with { HtmlBody = "<p>Hi Jamie,</p>\r\n<p>Schöne Grüße &amp; thank you.</p>\r\n" };

        await _harness.Transport.SendAsync(message, CancellationToken.None);

        Assert.Empty(Fake.Violations);
        var request = Assert.Single(Fake.Accepted);
        Assert.Equal(
            [new FakeSendGridContent("text/plain", message.TextBody), new FakeSendGridContent("text/html", message.HtmlBody!)],
            request.Mail!.Content);

        // On the wire: exactly the two documented types, text/plain first, each once and non-empty.
        using var json = System.Text.Json.JsonDocument.Parse(request.Body);
        var content = json.RootElement.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.All(content, c => Assert.NotEmpty(c.GetProperty("value").GetString()!));
        Assert.All(content, c => Assert.Equal(["type", "value"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
    }

    [Fact]
    public async Task Without_an_html_body_the_content_is_text_plain_alone()
    {
        var message = Messages.Sample();

        await _harness.Transport.SendAsync(message, CancellationToken.None);

        var request = Assert.Single(Fake.Accepted);
        Assert.Equal([new FakeSendGridContent("text/plain", message.TextBody)], request.Mail!.Content);
        Assert.DoesNotContain("text/html", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_html_body_is_refused_before_anything_is_sent()
    {
        var refused = await Assert.ThrowsAsync<MailRefusedException>(
            () => _harness.Transport.SendAsync(Messages.Sample() with { HtmlBody = "" }, CancellationToken.None));

        Assert.Contains("HTML", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task A_message_without_threading_or_extra_headers_sends_only_its_Message_ID_header()
    {
        var message = Messages.Sample();

        await _harness.Transport.SendAsync(message, CancellationToken.None);

        var mail = Assert.Single(Fake.Accepted).Mail!;
        Assert.Equal(message.MessageId, Assert.Single(mail.Headers).Value);
        Assert.Empty(Assert.Single(mail.Personalizations).Cc);
    }

    [Fact]
    public async Task An_address_named_in_both_to_and_cc_is_sent_once_because_SendGrid_refuses_duplicates()
    {
        var message = Messages.Sample() with
        {
            To = [new MailAddress("jamie@hiring.example.org")],
            Cc = [new MailAddress("JAMIE@hiring.example.org"), new MailAddress("pat@hiring.example.org"), new MailAddress("pat@hiring.example.org")],
        };

        await _harness.Transport.SendAsync(message, CancellationToken.None);

        var personalization = Assert.Single(Assert.Single(Fake.Accepted).Mail!.Personalizations);
        Assert.Equal(["jamie@hiring.example.org"], personalization.To.Select(a => a.Email));
        Assert.Equal(["pat@hiring.example.org"], personalization.Cc.Select(a => a.Email));
    }

    [Fact]
    public async Task A_header_value_beyond_ASCII_is_sent_as_encoded_words_as_SendGrid_asks()
    {
        var message = Messages.Sample() with { ExtraHeaders = [new MessageHeader("X-FollowUpFlow-Company", "Müller & Söhne GmbH")] };

        await _harness.Transport.SendAsync(message, CancellationToken.None);

        var value = Assert.Single(Fake.Accepted).Mail!.Headers["X-FollowUpFlow-Company"];
        Assert.True(System.Text.Ascii.IsValid(value), value);
        Assert.Equal("Müller & Söhne GmbH", EncodedWordDecoder.Decode(value));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_seconds_and_then_sent_once()
    {
        Fake.Enqueue(FakeSendGridAnswer.TooManyRequests(retryAfterSeconds: 7));
        var message = Messages.Sample();

        var sending = _harness.Transport.SendAsync(message, CancellationToken.None);
        var wait = await _harness.Clock.WaitForTimerAsync(d => d != SendGridHarness.AttemptTimeout);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        _harness.Clock.Advance(wait - TimeSpan.FromTicks(1));
        await Task.Delay(20);
        Assert.Single(Fake.Requests);
        _harness.Clock.Advance(TimeSpan.FromTicks(1));
        var result = await sending;

        Assert.Equal([429, 202], Fake.Requests.Select(r => r.AnsweredStatus));
        Assert.Equal(SendGridHarness.Start.AddSeconds(7), Fake.Requests[1].ReceivedAt);
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
        Assert.Equal(SendGridHarness.Start.AddSeconds(7), result.SentAt);
    }

    [Fact]
    public async Task A_429_with_an_HTTP_date_Retry_After_waits_until_that_time()
    {
        Fake.Enqueue(FakeSendGridAnswer.TooManyRequestsUntil(SendGridHarness.Start.AddSeconds(12)));

        var sending = _harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None);
        var wait = await _harness.PassRetryWaitAsync();
        await sending;

        Assert.Equal(TimeSpan.FromSeconds(12), wait);
        Assert.Equal(SendGridHarness.Start.AddSeconds(12), Fake.Requests[1].ReceivedAt);
        Assert.Equal(1, Fake.AcceptedCount);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_5xx_without_Retry_After_is_retried_with_a_bounded_backoff(HttpStatusCode status)
    {
        Fake.Enqueue(FakeSendGridAnswer.ServerError(status), FakeSendGridAnswer.ServerError(status));
        var message = Messages.Sample();

        var sending = _harness.Transport.SendAsync(message, CancellationToken.None);
        var first = await _harness.PassRetryWaitAsync();
        var second = await _harness.PassRetryWaitAsync();
        await sending;

        Assert.Equal([(int)status, (int)status, 202], Fake.Requests.Select(r => r.AnsweredStatus));
        Assert.All(new[] { first, second }, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(60)));
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
    }

    [Fact]
    public async Task When_every_attempt_is_answered_not_taken_the_send_ends_as_not_accepted()
    {
        await using var harness = await SendGridHarness.StartAsync(o => o.MaxAttempts = 3);
        harness.Fake.Enqueue(
            FakeSendGridAnswer.ServerError(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 2),
            FakeSendGridAnswer.TooManyRequests(retryAfterSeconds: 3),
            FakeSendGridAnswer.ServerError(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 4));
        var message = Messages.Sample();

        var sending = harness.Transport.SendAsync(message, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(2), await harness.PassRetryWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(3), await harness.PassRetryWaitAsync());
        var exception = await Assert.ThrowsAsync<MailNotAcceptedException>(() => sending);

        Assert.Equal(3, harness.Fake.Requests.Count);
        Assert.Equal(0, harness.Fake.AcceptedCount);
        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 3", exception.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Clock.PendingDelays());
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_ends_the_send_at_once_instead_of_retrying_early()
    {
        Fake.Enqueue(FakeSendGridAnswer.TooManyRequests(retryAfterSeconds: 3600));

        var exception = await Assert.ThrowsAsync<MailNotAcceptedException>(
            () => _harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Single(Fake.Requests);
        Assert.Contains("01:00:00", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_is_a_refusal_with_SendGrids_reason_and_is_not_retried()
    {
        Fake.Enqueue(FakeSendGridAnswer.Refuse(HttpStatusCode.BadRequest, "The from address does not match a verified Sender Identity.", "from"));

        var exception = await Assert.ThrowsAsync<MailRefusedException>(
            () => _harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Single(Fake.Requests);
        Assert.Contains("400", exception.Message, StringComparison.Ordinal);
        Assert.Contains("The from address does not match a verified Sender Identity. (field from)", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Other_4xx_answers_are_refusals_and_never_show_the_api_key(HttpStatusCode status)
    {
        // A provider (or a proxy) quoting the key back must not put it into our exception.
        Fake.Enqueue(FakeSendGridAnswer.Refuse(status, $"key {SendGridHarness.ApiKey} is not allowed"));

        var exception = await Assert.ThrowsAsync<MailRefusedException>(
            () => _harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Single(Fake.Requests);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Contains("key [redacted] is not allowed", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SendGridHarness.ApiKey, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_by_SendGrid_and_reported_without_the_key()
    {
        await using var harness = await SendGridHarness.StartAsync(o => o.ApiKey = "SG.wrong-key");

        var exception = await Assert.ThrowsAsync<MailRefusedException>(
            () => harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None));

        Assert.Equal(401, Assert.Single(harness.Fake.Requests).AnsweredStatus);
        Assert.Contains("authorization grant is invalid", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.wrong-key", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_after_SendGrid_took_the_message_is_left_unknown_and_not_retried()
    {
        Fake.Enqueue(FakeSendGridAnswer.AcceptThenDrop());
        var message = Messages.Sample();

        var exception = await Record.ExceptionAsync(() => _harness.Transport.SendAsync(message, CancellationToken.None));

        Assert.NotNull(exception);
        Assert.IsNotType<MailRefusedException>(exception);
        Assert.IsNotType<MailNotAcceptedException>(exception);
        Assert.IsType<HttpRequestException>(exception, exactMatch: false);
        Assert.Single(Fake.Requests);
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
        Assert.Equal(SendCheck.Unknown, await _harness.Transport.CheckSentAsync(message.MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task A_connection_dropped_on_a_second_send_is_not_silently_sent_again_by_the_HTTP_stack()
    {
        // The second request goes over the kept-alive connection of the first: if the HTTP stack resent a request whose
        // reused connection closed without an answer, SendGrid would see it twice.
        var first = Messages.Sample("draft-1");
        var second = Messages.Sample("draft-2");
        await _harness.Transport.SendAsync(first, CancellationToken.None);
        Fake.Enqueue(FakeSendGridAnswer.AcceptThenDrop());

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _harness.Transport.SendAsync(second, CancellationToken.None));

        Assert.Equal(2, Fake.Requests.Count);
        Assert.Equal(1, Fake.AcceptedCountFor(second.MessageId));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_timeout_not_a_refusal_and_is_not_retried()
    {
        Fake.Enqueue(FakeSendGridAnswer.AcceptThenHang());
        var message = Messages.Sample();

        var sending = _harness.Transport.SendAsync(message, CancellationToken.None);
        await Fake.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));
        var timeout = await _harness.Clock.WaitForTimerAsync(d => d == SendGridHarness.AttemptTimeout);
        _harness.Clock.Advance(timeout);

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => sending);
        Assert.Contains("unknown", exception.Message, StringComparison.Ordinal);
        Assert.Single(Fake.Requests);
        Assert.Equal(1, Fake.AcceptedCountFor(message.MessageId));
    }

    [Fact]
    public async Task Cancelling_a_send_that_waits_for_an_answer_is_a_cancellation()
    {
        Fake.Enqueue(FakeSendGridAnswer.AcceptThenHang());
        using var cancellation = new CancellationTokenSource();

        var sending = _harness.Transport.SendAsync(Messages.Sample(), cancellation.Token);
        await Fake.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_without_another_request()
    {
        Fake.Enqueue(FakeSendGridAnswer.TooManyRequests(retryAfterSeconds: 5));
        using var cancellation = new CancellationTokenSource();

        var sending = _harness.Transport.SendAsync(Messages.Sample(), cancellation.Token);
        await _harness.Clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task An_empty_body_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<MailRefusedException>(
            () => _harness.Transport.SendAsync(Messages.Sample() with { TextBody = "" }, CancellationToken.None));

        Assert.Empty(Fake.Requests);
    }

    [Theory]
    [InlineData("X-SG-ID")]
    [InlineData("x-sg-eid")]
    [InlineData("Received")]
    [InlineData("DKIM-Signature")]
    public async Task A_header_SendGrid_reserves_is_refused_before_anything_is_sent(string name)
    {
        var message = Messages.Sample() with { ExtraHeaders = [new MessageHeader(name, "value")] };

        var exception = await Assert.ThrowsAsync<MailRefusedException>(() => _harness.Transport.SendAsync(message, CancellationToken.None));

        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task SendGrid_cannot_be_asked_whether_a_message_left()
    {
        await _harness.Transport.SendAsync(Messages.Sample(), CancellationToken.None);

        Assert.Equal(SendCheck.Unknown, await _harness.Transport.CheckSentAsync(Messages.Sample().MessageId, CancellationToken.None));
    }

    [Fact]
    public async Task Neither_the_api_key_nor_the_reply_key_reaches_the_logs()
    {
        Fake.Enqueue(
            FakeSendGridAnswer.TooManyRequests(retryAfterSeconds: 1),
            FakeSendGridAnswer.Refuse(HttpStatusCode.Forbidden, $"key {SendGridHarness.ApiKey} lacks Mail Send"));
        var sending = _harness.Transport.SendAsync(Messages.Sample("draft-1"), CancellationToken.None);
        await _harness.PassRetryWaitAsync();
        await Assert.ThrowsAsync<MailRefusedException>(() => sending);
        Fake.Enqueue(FakeSendGridAnswer.AcceptThenDrop());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _harness.Transport.SendAsync(Messages.Sample("draft-2"), CancellationToken.None));
        await _harness.Transport.SendAsync(Messages.Sample("draft-3"), CancellationToken.None);

        var lines = _harness.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("SendGrid accepted message <draft-3@followupflow.local>", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("System.Net.Http.HttpClient.FollowUpFlow.SendGrid", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(SendGridHarness.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(SendGridHarness.ReplyKey, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("alex@example.com", StringComparison.Ordinal));
    }
}
