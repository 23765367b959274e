using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FollowUpFlow.App.Tests.Support;

internal static class Json
{
    public static async Task<JsonNode> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? throw new Xunit.Sdk.XunitException("Empty JSON body.");
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync(path, body)).ReadAsync(expected);

    /// <summary>Posts JSON text exactly as given (property names keep their case, as the Functions host sends them).</summary>
    public static async Task<JsonNode> PostRawJsonAsync(this HttpClient client, string path, string json, HttpStatusCode expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await (await client.PostAsync(path, content)).ReadAsync(expected);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(path)).ReadAsync(expected);

    public static string Str(this JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No string '{property}' in {node?.ToJsonString()}");
}
