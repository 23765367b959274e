namespace FollowUpFlow.Mail;

/// <summary>OData <c>$filter</c> expressions; the SDK URL-encodes them, quoting inside the literal is ours to do.</summary>
internal static class GraphFilters
{
    /// <summary>A message id may hold an apostrophe (it is atext); OData doubles it inside a string literal.</summary>
    public static string InternetMessageIdEquals(string messageId) =>
        $"internetMessageId eq '{messageId.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A conversation id is base64 and holds no apostrophe today; doubling keeps the literal closed whatever comes.</summary>
    public static string ConversationIdEquals(string conversationId) =>
        $"conversationId eq '{conversationId.Replace("'", "''", StringComparison.Ordinal)}'";
}
