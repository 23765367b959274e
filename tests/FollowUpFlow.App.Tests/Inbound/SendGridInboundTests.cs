using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Inbound;

/// <summary>POST /api/inbound/sendgrid: SendGrid Inbound Parse posts in both modes, behind the shared secret.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridInboundTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InboundApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new InboundApp(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Send_raw_mode_hands_the_email_field_on_unchanged()
    {
        _app.Parser.Understand("confirm-77@contoso.example", FakeInboundParser.Confirmation());
        var eml = SampleMail.Confirmation();
        var form = SendGridInboundForm.Raw(eml);

        var accepted = await (await _app.PostSendGridAsync(form)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("processed", accepted.Str("status"));
        Assert.Equal(eml, Assert.Single(_app.Parser.Seen));
        var stored = await _app.Client().GetJsonAsync($"/api/inbound/{accepted.Str("payloadId")}");
        Assert.Equal("sendgrid-raw", stored.Str("source"));
        var download = await _app.Client().GetAsync($"/api/inbound/{accepted.Str("payloadId")}/raw");
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(form.Body(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Parsed_mode_is_rebuilt_into_a_message_with_its_text_decoded_from_its_charset_and_its_attachments()
    {
        _app.Parser.Understand("confirm-77@contoso.example", FakeInboundParser.Confirmation());
        var form = SendGridInboundForm.Parsed(SampleMail.Confirmation());
        Assert.Equal(Encoding.Latin1.GetBytes("Café"), form.Field("text")![..4]);

        var accepted = await (await _app.PostSendGridAsync(form)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("processed", accepted.Str("status"));
        Assert.Equal("sendgrid-parsed", (await _app.Client().GetJsonAsync($"/api/inbound/{accepted.Str("payloadId")}")).Str("source"));
        var rebuilt = Eml.Read(Assert.Single(_app.Parser.Seen));
        Assert.Equal("multipart/mixed", rebuilt.MediaType);
        Assert.Equal("=?utf-8?Q?Interview_confirmation_=E2=80=93_Contoso?=", rebuilt.Header("Subject"));
        Assert.Equal("<confirm-77@contoso.example>", rebuilt.Header("Message-ID"));
        Assert.Single(rebuilt.Headers, h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        Assert.Single(rebuilt.Headers, h => h.Key.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase));
        var leaves = rebuilt.Leaves().ToList();
        var text = leaves.Single(p => p.MediaType == "text/plain");
        Assert.Equal("utf-8", text.Charset);
        Assert.StartsWith("Café at 14:00 on Thursday", text.Text(), StringComparison.Ordinal);
        Assert.Contains("<p>Café at 14:00 on Thursday</p>", leaves.Single(p => p.MediaType == "text/html").Text(), StringComparison.Ordinal);
        var pdf = leaves.Single(p => p.FileName == "agenda.pdf");
        Assert.Equal(("application/pdf", "attachment"), (pdf.MediaType, pdf.Disposition));
        Assert.Equal(SampleMail.AgendaPdf, pdf.Content);
        var logo = leaves.Single(p => p.MediaType == "image/png");
        Assert.Equal(("logo@contoso.example", "inline"), (logo.ContentId, logo.Disposition));
        Assert.Equal(SampleMail.LogoPng, logo.Content);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("utf-16")]
    public async Task A_text_field_sent_in_another_charset_is_decoded_from_it(string charset)
    {
        var eml = Encoding.UTF8.GetBytes("Message-ID: <zurich@contoso.example>\r\nSubject: Zurich\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOn se voit à Zürich, café compris.\r\n");
        var form = SendGridInboundForm.Parsed(eml, textCharset: charset);

        await (await _app.PostSendGridAsync(form)).ReadAsync(HttpStatusCode.Accepted);

        var text = Eml.Read(Assert.Single(_app.Parser.Seen)).Leaves().Single(p => p.MediaType == "text/plain");
        Assert.Equal("On se voit à Zürich, café compris.\r\n", text.Text());
    }

    [Fact]
    public async Task A_text_field_in_an_unknown_charset_is_read_as_utf8_and_the_problem_kept()
    {
        var eml = Encoding.UTF8.GetBytes("Message-ID: <odd@contoso.example>\r\nSubject: Odd\r\n\r\nCafé\r\n");

        var accepted = await (await _app.PostSendGridAsync(SendGridInboundForm.Parsed(eml, textCharset: "x-no-such-charset"))).ReadAsync(HttpStatusCode.Accepted);

        Assert.Contains(accepted["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("x-no-such-charset", StringComparison.Ordinal));
        Assert.StartsWith("Café", Eml.Read(Assert.Single(_app.Parser.Seen)).Leaves().Single().Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_may_come_as_the_basic_auth_password()
    {
        var client = _app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sendgrid:{InboundApp.Secret}")));

        var accepted = await (await _app.PostSendGridAsync(SendGridInboundForm.Parsed(SampleMail.Plain("basic@contoso.example")), query: "", client: client)).ReadAsync(HttpStatusCode.Accepted);

        Assert.Equal("ignored", accepted.Str("status"));
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_refused_with_401_and_only_a_bounded_prefix_is_stored()
    {
        var form = SendGridInboundForm.Raw(Pad(SampleMail.Plain("intruder@example.com"), 100_000));

        var wrong = await (await _app.PostSendGridAsync(form, "?secret=guess")).ReadAsync(HttpStatusCode.Unauthorized);
        var missing = await (await _app.PostSendGridAsync(form, "")).ReadAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("bad secret", wrong.Str("detail"), StringComparison.Ordinal);
        var stored = await _app.Client().GetJsonAsync($"/api/inbound/{wrong.Str("payloadId")}");
        Assert.Equal(("refused", "sendgrid"), (stored.Str("status"), stored.Str("source")));
        Assert.StartsWith("bad secret", stored.Str("reason"), StringComparison.Ordinal);
        Assert.True(stored["truncated"]!.GetValue<bool>());
        Assert.Equal(64 * 1024, stored["byteSize"]!.GetValue<long>());
        Assert.Equal("refused", (await _app.Client().GetJsonAsync($"/api/inbound/{missing.Str("payloadId")}")).Str("status"));
        Assert.Empty(_app.Parser.Seen);
    }

    [Fact]
    public async Task A_form_with_neither_mode_fields_is_not_an_email()
    {
        var form = SendGridInboundForm.Raw(SampleMail.Plain("x@example.com"));
        var body = Encoding.ASCII.GetBytes("--xYzZY\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nHi\r\n--xYzZY--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(form.ContentType);

        var problem = await (await _app.Client().PostAsync($"/api/inbound/sendgrid?secret={InboundApp.Secret}", content)).ReadAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("neither an 'email' field", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_a_readable_form_is_refused_and_stored()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xYzZY\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nno closing boundary"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xYzZY");

        var problem = await (await _app.Client().PostAsync($"/api/inbound/sendgrid?secret={InboundApp.Secret}", content)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal("refused", (await _app.Client().GetJsonAsync($"/api/inbound/{problem.Str("payloadId")}")).Str("status"));
    }

    [Fact]
    public async Task A_post_that_is_not_a_form_is_refused_with_415()
    {
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        var problem = await (await _app.Client().PostAsync($"/api/inbound/sendgrid?secret={InboundApp.Secret}", json)).ReadAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("multipart/form-data", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_too_many_parts_is_refused_with_413()
    {
        await using var app = new InboundApp(azurite, ("FollowUpFlow:Inbound:MaxFormParts", "5"));

        var problem = await (await app.PostSendGridAsync(SendGridInboundForm.Parsed(SampleMail.Confirmation()))).ReadAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("more than 5 parts", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_configured_the_webhook_answers_503_saying_which_setting_to_make()
    {
        await using var app = new InboundApp(azurite, ("FollowUpFlow:Inbound:SendGridSecret", ""));

        var problem = await (await app.PostSendGridAsync(SendGridInboundForm.Raw(SampleMail.Plain("early@example.com")), "")).ReadAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("FollowUpFlow:Inbound:SendGridSecret", problem.Str("detail"), StringComparison.Ordinal);
    }

    /// <summary>The message with a long body, so the post is larger than what an unauthenticated caller may store.</summary>
    private static byte[] Pad(byte[] message, int size) => [.. message, .. Enumerable.Repeat((byte)'x', size)];
}
