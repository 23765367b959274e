using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FollowUpFlow.Mail;

/// <summary>
/// One <c>POST /v3/mail/send</c> call, without retries (the transport decides those). The API key goes only into the
/// Authorization header.
/// </summary>
internal sealed class SendGridClient
{
    public const string MailSendPath = "v3/mail/send";

    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxErrorsKept = 10;
    private const int MaxErrorTextLength = 300;

    private readonly HttpClient _httpClient;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue _authorization;

    public SendGridClient(HttpClient httpClient, Uri baseUrl, string apiKey)
    {
        _httpClient = httpClient;
        _endpoint = EndpointFor(baseUrl);
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public static Uri EndpointFor(Uri baseUrl)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, MailSendPath);
    }

    public static byte[] Serialize(SendGridMailRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, SendGridJsonContext.Default.SendGridMailRequest);

    public async Task<SendGridAnswer> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var sendGridMessageId = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
        var errors = response.StatusCode == HttpStatusCode.Accepted
            ? []
            : await ReadErrorsAsync(response.Content, cancellationToken);
        return new SendGridAnswer(response.StatusCode, sendGridMessageId, response.Headers.RetryAfter, errors);
    }

    private static async Task<IReadOnlyList<string>> ReadErrorsAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(content, MaxErrorBodyBytes, cancellationToken);
        if (bytes.Length == 0)
        {
            return [];
        }

        SendGridErrorResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(bytes, SendGridJsonContext.Default.SendGridErrorResponse);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a cut body: the status code alone has to tell the story.
            return [];
        }

        return (parsed?.Errors ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e.Message))
            .Take(MaxErrorsKept)
            .Select(e => string.IsNullOrWhiteSpace(e.Field) ? Clean(e.Message!) : $"{Clean(e.Message!)} (field {Clean(e.Field)})")
            .ToArray();
    }

    private static async Task<byte[]> ReadAtMostAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[limit];
        var total = 0;
        int read;
        while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    /// <summary>Error texts end up in exception messages and logs: one line, printable, bounded.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxErrorTextLength));
        foreach (var c in text)
        {
            if (builder.Length == MaxErrorTextLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
