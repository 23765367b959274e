namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData(409, "EntityAlreadyExists", StorageErrorKind.Conflict)]
    [InlineData(409, "TableAlreadyExists", StorageErrorKind.Conflict)]
    [InlineData(404, "ResourceNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "TableNotFound", StorageErrorKind.NotFound)]
    [InlineData(412, "UpdateConditionNotSatisfied", StorageErrorKind.PreconditionFailed)]
    [InlineData(400, "EntityTooLarge", StorageErrorKind.TooLarge)]
    [InlineData(400, "PropertyValueTooLarge", StorageErrorKind.TooLarge)]
    [InlineData(413, "RequestBodyTooLarge", StorageErrorKind.TooLarge)]
    [InlineData(404, "QueueNotFound", StorageErrorKind.NotFound)]
    [InlineData(404, "MessageNotFound", StorageErrorKind.NotFound)]
    [InlineData(409, "QueueAlreadyExists", StorageErrorKind.Conflict)]
    [InlineData(400, "PopReceiptMismatch", StorageErrorKind.PreconditionFailed)]
    [InlineData(400, "MessageTooLarge", StorageErrorKind.TooLarge)]
    [InlineData(503, "ServerBusy", StorageErrorKind.Throttled)]
    [InlineData(429, null, StorageErrorKind.Throttled)]
    [InlineData(412, null, StorageErrorKind.PreconditionFailed)]
    [InlineData(400, "InvalidInput", StorageErrorKind.Other)]
    [InlineData(500, null, StorageErrorKind.Other)]
    public void Codes_and_statuses_map_to_kinds(int status, string? code, StorageErrorKind kind) =>
        Assert.Equal(kind, StorageErrors.KindOf(status, code));

    [Fact]
    public void Table_json_and_queue_xml_error_bodies_are_read()
    {
        Assert.Equal(("TableNotFound", "The table specified does not exist."),
            StorageErrors.ReadBody(BinaryData.FromString("{\"odata.error\":{\"code\":\"TableNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"The table specified does not exist.\"}}}")));
        Assert.Equal(("QueueNotFound", "The specified queue does not exist."),
            StorageErrors.ReadBody(BinaryData.FromString("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.</Message></Error>")));
        Assert.Equal((null, null), StorageErrors.ReadBody(BinaryData.FromString("<not xml")));
        Assert.Equal((null, null), StorageErrors.ReadBody(BinaryData.FromString(string.Empty)));
    }

    [Fact]
    public void Messages_name_the_operation_status_code_and_first_line_only()
    {
        var message = StorageErrors.Describe("Insert entity (p, r) into table jobs", 409, "EntityAlreadyExists", "The specified entity already exists.\nRequestId:1\nTime:2", "req-9");
        Assert.Equal("Insert entity (p, r) into table jobs failed: 409 (EntityAlreadyExists): The specified entity already exists. [request req-9]", message);
    }
}
