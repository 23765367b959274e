using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FollowUpFlow.Testing.Fakes;

namespace FollowUpFlow.Mail.Tests.SendGrid;

/// <summary>The fake must refuse what SendGrid refuses, or the transport tests would prove nothing.</summary>
public sealed class FakeSendGridServerTests : IAsyncLifetime
{
    private const string Key = "SG.fake-server-test";

    private const string ValidBody = """
        {"personalizations":[{"to":[{"email":"jamie@hiring.example.org"}]}],
         "from":{"email":"alex@example.com"},"subject":"Thanks",
         "content":[{"type":"text/plain","value":"Hi"}]}
        """;

    private readonly HttpClient _client = new();
    private FakeSendGridServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSendGridServer.StartAsync(Key);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_request_is_accepted_with_202_and_an_X_Message_Id()
    {
        using var response = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Message-Id"));
        Assert.Equal(id, Assert.Single(_fake.Accepted).SendGridMessageId);
        Assert.Equal("Thanks", _fake.Accepted[0].Mail!.Subject);
    }

    [Theory]
    [InlineData("""{"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations")]
    [InlineData("""{"personalizations":[],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations")]
    [InlineData("""{"personalizations":[{"cc":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to")]
    [InlineData("""{"personalizations":[{"to":[{"name":"no address"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to.0.email")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}],"cc":[{"email":"B@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "from.email")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"content":[{"type":"text/plain","value":"x"}]}""", "subject")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s"}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":""}]}""", "content.0.value")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/html","value":"<p>x</p>"},{"type":"text/plain","value":"x"}]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"},{"type":"text/html","value":""}]}""", "content.1.value")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"},{"type":"text/plain","value":"y"}]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"},{"type":"text/html","value":"<p>x</p>"},{"type":"text/html","value":"<p>y</p>"}]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/calendar","value":"BEGIN:VCALENDAR"},{"type":"text/plain","value":"x"}]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain; charset=utf-8","value":"x"}]}""", "content.0.type")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"","value":"x"}]}""", "content.0.type")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"headers":{"Reply-To":"c@example.com"}}""", "headers")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"headers":{"X-SG-EID":"1"}}""", "headers")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"headers":{"X-Count":1}}""", "headers.X-Count")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"categories":["1","2","3","4","5","6","7","8","9","10","11"]}""", "categories")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"custom_args":{"n":1}}""", "custom_args.n")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"custom_args":"id"}""", "custom_args")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.com"}]}],"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"reply_to":{"email":"not an address"}}""", "reply_to.email")]
    public async Task A_body_breaking_a_documented_rule_gets_400_with_SendGrids_error_shape(string body, string field)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = errors.RootElement.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == field && e.GetProperty("message").GetString()!.Length > 0);
        Assert.Single(_fake.Violations);
        Assert.Equal(0, _fake.AcceptedCount);
    }

    [Theory]
    [InlineData("""[{"type":"text/plain","value":"Hi"},{"type":"text/html","value":"<p>Hi</p>"}]""")]
    [InlineData("""[{"type":"text/html","value":"<p>Hi</p>"}]""")]
    [InlineData("""[{"type":"text/plain","value":"Hi"},{"type":"text/html","value":"<p>Hi</p>"},{"type":"text/calendar","value":"BEGIN:VCALENDAR"}]""")]
    public async Task Content_in_the_documented_order_is_accepted(string content)
    {
        var body = ValidBody.Replace("""[{"type":"text/plain","value":"Hi"}]""", content, StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var expected = JsonDocument.Parse(content);
        Assert.Equal(
            expected.RootElement.EnumerateArray().Select(c => new FakeSendGridContent(c.GetProperty("type").GetString()!, c.GetProperty("value").GetString()!)),
            Assert.Single(_fake.Accepted).Mail!.Content);
    }

    [Fact]
    public async Task A_category_longer_than_255_characters_is_refused()
    {
        var body = ValidBody.TrimEnd()[..^1] + $",\"categories\":[\"{new string('c', 256)}\"]}}";

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_and_a_wrong_content_type_415()
    {
        using var wrongKey = await PostAsync(ValidBody, key: "SG.other");
        using var wrongType = await PostAsync(ValidBody, contentType: "text/plain");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(0, _fake.AcceptedCount);
    }

    [Fact]
    public async Task Another_path_or_method_is_not_mail_send()
    {
        using var path = await _client.SendAsync(Request(HttpMethod.Post, "v3/mail/batch", ValidBody, Key, "application/json"));
        using var method = await _client.SendAsync(Request(HttpMethod.Put, "v3/mail/send", ValidBody, Key, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, path.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
    }

    [Fact]
    public async Task Queued_answers_come_first_and_then_requests_are_accepted_again()
    {
        _fake.Enqueue(FakeSendGridAnswer.TooManyRequests(9), FakeSendGridAnswer.ServerError(HttpStatusCode.InternalServerError));

        using var first = await PostAsync(ValidBody);
        using var second = await PostAsync(ValidBody);
        using var third = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal(1, _fake.AcceptedCount);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string key = Key, string contentType = "application/json") =>
        _client.SendAsync(Request(HttpMethod.Post, "v3/mail/send", body, key, contentType));

    private HttpRequestMessage Request(HttpMethod method, string path, string body, string key, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(_fake.BaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
