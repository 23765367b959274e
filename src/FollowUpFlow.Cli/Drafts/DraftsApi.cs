using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowUpFlow.Cli.Drafts;

/// <summary>One draft as the app's /api/drafts lists it.</summary>
internal sealed record DraftLine(string Id, string Status, string Kind, string ToName, string? ToEmail, string Company, string Role, string Subject, string Body, string? FailureReason);

/// <summary>What the app answered when it did not do what was asked: its status code and the problem's detail.</summary>
internal sealed record ApiProblem(int Status, string Detail);

/// <summary>The app's draft API over HTTP, as the dashboard uses it: JSON in, JSON out, problems as RFC 9457 details.</summary>
internal sealed class DraftsApi(HttpClient http)
{
    public async Task<(IReadOnlyList<DraftLine> Drafts, ApiProblem? Problem)> ListAsync(string? status, CancellationToken cancellationToken)
    {
        var path = status is null ? "api/drafts" : $"api/drafts?status={Uri.EscapeDataString(status)}";
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var json = await ReadAsync(response, cancellationToken);
        return response.IsSuccessStatusCode && json is JsonArray array
            ? ([.. array.Select(d => Line(d!))], null)
            : ([], Problem(response, json));
    }

    public Task<(DraftLine? Draft, ApiProblem? Problem)> GetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/drafts/{Uri.EscapeDataString(id)}", body: null, cancellationToken);

    public Task<(DraftLine? Draft, ApiProblem? Problem)> ApproveAsync(string id, string? subject, string? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/drafts/{Uri.EscapeDataString(id)}/approve", new JsonObject { ["subject"] = subject, ["body"] = body }, cancellationToken);

    /// <summary>Keeps new text for the draft without sending it; a null subject or body is left as it was.</summary>
    public Task<(DraftLine? Draft, ApiProblem? Problem)> EditAsync(string id, string? subject, string? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/drafts/{Uri.EscapeDataString(id)}/edit", new JsonObject { ["subject"] = subject, ["body"] = body }, cancellationToken);

    public Task<(DraftLine? Draft, ApiProblem? Problem)> RejectAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/drafts/{Uri.EscapeDataString(id)}/reject", new JsonObject(), cancellationToken);

    public Task<(DraftLine? Draft, ApiProblem? Problem)> MarkSentAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/drafts/{Uri.EscapeDataString(id)}/mark-sent", new JsonObject(), cancellationToken);

    private async Task<(DraftLine? Draft, ApiProblem? Problem)> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            // Nulls are left out: an absent subject keeps the draft's own.
            foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                body.Remove(key);
            }

            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var json = await ReadAsync(response, cancellationToken);
        return response.IsSuccessStatusCode && json is JsonObject draft ? (Line(draft), null) : (null, Problem(response, json));
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text.Length > 200 ? text[..200] : text);
        }
    }

    private static ApiProblem Problem(HttpResponseMessage response, JsonNode? json)
    {
        var detail = json is JsonObject problem
            ? Text(problem, "detail") ?? Text(problem, "title")
            : json?.GetValueKind() == JsonValueKind.String ? json.GetValue<string>() : null;
        var errors = json is JsonObject withErrors && withErrors["errors"] is JsonObject fields
            ? string.Join(" ", fields.SelectMany(f => f.Value is JsonArray messages ? messages.Select(m => m?.ToString()) : []))
            : null;
        return new ApiProblem((int)response.StatusCode, string.Join(" ", new[] { detail, errors }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : response.ReasonPhrase ?? "no reason given");
    }

    private static DraftLine Line(JsonNode view)
    {
        var draft = view["draft"]!.AsObject();
        var to = draft["to"] as JsonObject;
        return new DraftLine(
            Text(draft, "id") ?? "",
            Text(draft, "status") ?? "",
            Text(draft, "kind") ?? "",
            to is null ? "" : Text(to, "name") ?? "",
            to is null ? null : Text(to, "email"),
            Text(view.AsObject(), "company") ?? "",
            Text(view.AsObject(), "role") ?? "",
            Text(draft, "subject") ?? "",
            Text(draft, "body") ?? "",
            Text(draft, "failureReason"));
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
