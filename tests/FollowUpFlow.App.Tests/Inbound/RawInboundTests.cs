using System.Net;
using System.Text;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Inbound;

/// <summary>POST /api/inbound/raw: a message/rfc822 body is stored, then processed; what cannot be taken is stored and refused with a reason.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RawInboundTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InboundApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new InboundApp(azurite, ("FollowUpFlow:Inbound:MaxPayloadBytes", "65536"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_confirmation_is_accepted_and_creates_its_interview()
    {
        _app.Parser.Understand("c1@contoso.example", FakeInboundParser.Confirmation());

        var accepted = await (await _app.PostRawAsync(SampleMail.Plain("c1@contoso.example"))).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(("processed", "confirmation"), (accepted.Str("status"), accepted.Str("kind")));
        var interview = await _app.Client().GetJsonAsync($"/api/interviews/{accepted.Str("interviewId")}");
        Assert.Equal("Contoso", interview.Str("company"));
        Assert.Equal(accepted.Str("payloadId"), (await _app.Client().GetJsonAsync($"/api/inbound/{accepted.Str("payloadId")}")).Str("payloadId"));
    }

    [Fact]
    public async Task The_same_message_again_is_a_duplicate_that_changes_nothing()
    {
        _app.Parser.Understand("c2@contoso.example", FakeInboundParser.Confirmation());
        var first = await (await _app.PostRawAsync(SampleMail.Plain("c2@contoso.example"))).ReadAsync(HttpStatusCode.Accepted);

        var second = await (await _app.PostRawAsync(SampleMail.Plain("c2@contoso.example"))).ReadAsync(HttpStatusCode.OK);

        Assert.Equal("duplicate", second.Str("status"));
        Assert.Equal(first.Str("interviewId"), second.Str("interviewId"));
        var history = (await _app.Client().GetJsonAsync($"/api/interviews/{first.Str("interviewId")}"))["history"]!.AsArray();
        Assert.Single(history);
    }

    [Fact]
    public async Task Another_media_type_is_refused_with_415_and_stored()
    {
        var problem = await (await _app.PostRawAsync(SampleMail.Plain("m@example.com"), "text/plain")).ReadAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("message/rfc822", problem.Str("detail"), StringComparison.Ordinal);
        var stored = await _app.Client().GetJsonAsync($"/api/inbound/{problem.Str("payloadId")}");
        Assert.Equal(("refused", "raw"), (stored.Str("status"), stored.Str("source")));
        Assert.Empty(_app.Parser.Seen);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_its_first_bytes_stored_as_truncated()
    {
        var large = new byte[100_000];
        Array.Fill(large, (byte)'a');

        var problem = await (await _app.PostRawAsync(large)).ReadAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("MaxPayloadBytes", problem.Str("detail"), StringComparison.Ordinal);
        var stored = await _app.Client().GetJsonAsync($"/api/inbound/{problem.Str("payloadId")}");
        Assert.True(stored["truncated"]!.GetValue<bool>());
        Assert.Equal(65536, stored["byteSize"]!.GetValue<long>());
        Assert.Equal(large[..65536], await _app.Client().GetByteArrayAsync($"/api/inbound/{problem.Str("payloadId")}/raw"));
    }

    [Fact]
    public async Task A_message_larger_than_the_json_api_limit_is_taken_up_to_the_inbound_limit()
    {
        await using var app = new InboundApp(azurite);
        var large = SampleMail.Plain("big@contoso.example", subject: new string('x', 1_500_000));

        var accepted = await (await app.PostRawAsync(large)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal(large.Length, (await app.Client().GetJsonAsync($"/api/inbound/{accepted.Str("payloadId")}"))["byteSize"]!.GetValue<long>());
        Assert.Equal(large, Assert.Single(app.Parser.Seen));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_email_are_refused_with_422_and_stored()
    {
        var problem = await (await _app.PostRawAsync(Encoding.ASCII.GetBytes("just some words, no header fields"))).ReadAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("not an email", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("refused", (await _app.Client().GetJsonAsync($"/api/inbound/{problem.Str("payloadId")}")).Str("status"));
    }

    [Fact]
    public async Task A_payload_whose_processing_throws_is_stored_as_failed_and_answered_with_500()
    {
        _app.Parser.Failure = new InvalidOperationException("reader bug");

        var problem = await (await _app.PostRawAsync(SampleMail.Plain("boom@example.com"))).ReadAsync(HttpStatusCode.InternalServerError);

        var stored = await _app.Client().GetJsonAsync($"/api/inbound/{problem.Str("payloadId")}");
        Assert.Equal("failed", stored.Str("status"));
        Assert.Contains("reader bug", stored.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payloads_are_listed_newest_first_and_each_can_be_read_and_downloaded()
    {
        _app.Parser.Understand("l1@contoso.example", FakeInboundParser.Confirmation());
        var ids = new List<string>();
        foreach (var messageId in new[] { "l1@contoso.example", "l2@contoso.example", "l3@contoso.example" })
        {
            ids.Add((await (await _app.PostRawAsync(SampleMail.Plain(messageId))).ReadAsync(HttpStatusCode.Accepted)).Str("payloadId"));
            _app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var listed = (await _app.Client().GetJsonAsync("/api/inbound?top=2")).AsArray();
        var detail = await _app.Client().GetJsonAsync($"/api/inbound/{ids[0]}");
        var download = await _app.Client().GetAsync($"/api/inbound/{ids[0]}/raw");

        Assert.Equal([ids[2], ids[1]], listed.Select(p => p.Str("payloadId")));
        Assert.Equal("ignored", listed[0].Str("status"));
        Assert.Equal("confirmation", detail["understanding"]!.Str("kind"));
        Assert.Equal("l1@contoso.example", detail.Str("messageId"));
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SampleMail.Plain("l1@contoso.example"), await download.Content.ReadAsByteArrayAsync());
        await (await _app.Client().GetAsync("/api/inbound?top=0")).ReadAsync(HttpStatusCode.BadRequest);
        await (await _app.Client().GetAsync("/api/inbound/nope-404")).ReadAsync(HttpStatusCode.NotFound);
    }
}
