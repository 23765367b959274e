using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>One item of Graph's <c>{"value":[...]}</c>: a change (a message id) or a lifecycle event.</summary>
/// <param name="LifecycleEvent">reauthorizationRequired, subscriptionRemoved or missed; null for a change notification.</param>
public sealed record GraphNotification(string? SubscriptionId, string? ClientState, string? ChangeType, string? MessageId, string? LifecycleEvent);

/// <summary>Reads a notification post. Never throws on bad input: it says what is wrong.</summary>
public static class GraphNotifications
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";

    // Graph batches notifications; far more than this in one post is not Graph.
    private const int MaxItems = 1000;

    public static (IReadOnlyList<GraphNotification> Items, string? Problem) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array)
            {
                return ([], "Expected Graph's change notification collection: a JSON object with a \"value\" array.");
            }

            if (value.GetArrayLength() is 0 or > MaxItems)
            {
                return ([], $"The \"value\" array must hold 1 to {MaxItems} notifications.");
            }

            var items = new List<GraphNotification>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return ([], "Every notification must be a JSON object.");
                }

                var resourceData = item.TryGetProperty("resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? data : default;
                items.Add(new GraphNotification(
                    Text(item, "subscriptionId"),
                    Text(item, "clientState"),
                    Text(item, "changeType"),
                    resourceData.ValueKind == JsonValueKind.Object ? Text(resourceData, "id") : null,
                    Text(item, "lifecycleEvent")));
            }

            return (items, null);
        }
        catch (JsonException e)
        {
            return ([], $"The body is not JSON: {e.Message}");
        }
    }

    /// <summary>Constant time, and hashing first makes the lengths equal, so neither the value nor its length leaks.</summary>
    public static bool SameClientState(string? given, string expected) =>
        given is { Length: > 0 }
        & CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
