using Azure.Core;
using FollowUpFlow.Storage.Auth;
using FollowUpFlow.Storage.Tests.Support;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class SharedKeySigningTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Date = "Fri, 26 Jun 2015 23:39:12 GMT";

    [Fact]
    public void Table_string_to_sign_is_verb_md5_type_date_resource()
    {
        using var request = TestRequests.Create(RequestMethod.Post, "https://myaccount.table.core.windows.net/Tables",
            ("x-ms-date", Date), ("x-ms-version", "2019-02-02"), ("Content-Type", "application/json"), ("x-ms-client-request-id", "abc"));

        // The Table scheme signs no x-ms-* header and no query parameter other than comp.
        Assert.Equal("POST\n\napplication/json\n" + Date + "\n/myaccount/Tables", TableSharedKeyPolicy.BuildStringToSign(request, "myaccount"));
    }

    [Fact]
    public void Table_resource_keeps_only_comp_from_the_query()
    {
        using var request = TestRequests.Create(RequestMethod.Get, "https://myaccount.table.core.windows.net/mytable?comp=acl&timeout=30", ("x-ms-date", Date));
        Assert.EndsWith("\n/myaccount/mytable?comp=acl", TableSharedKeyPolicy.BuildStringToSign(request, "myaccount"));

        using var query = TestRequests.Create(RequestMethod.Get, "https://myaccount.table.core.windows.net/mytable()?$filter=a%20eq%201&$top=5", ("x-ms-date", Date));
        Assert.EndsWith("\n/myaccount/mytable()", TableSharedKeyPolicy.BuildStringToSign(query, "myaccount"));
    }

    [Fact]
    public void Path_style_endpoint_repeats_the_account_in_the_resource()
    {
        // Azurite serves http://127.0.0.1:port/devstoreaccount1/...; the service signs "/" + account + the whole path.
        using var request = TestRequests.Create(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/mytable()", ("x-ms-date", Date));
        Assert.Equal("GET\n\n\n" + Date + "\n/devstoreaccount1/devstoreaccount1/mytable()", TableSharedKeyPolicy.BuildStringToSign(request, "devstoreaccount1"));
    }

    [Fact]
    public void Table_resource_uses_the_escaped_path_as_sent()
    {
        using var request = TestRequests.Create(RequestMethod.Get, "https://acct.table.core.windows.net/t(PartitionKey='a%20b',RowKey='%C3%A9')", ("x-ms-date", Date));
        Assert.EndsWith("\n/acct/t(PartitionKey='a%20b',RowKey='%C3%A9')", TableSharedKeyPolicy.BuildStringToSign(request, "acct"));
    }

    [Fact]
    public void Queue_string_to_sign_matches_the_documented_worked_example()
    {
        // "Authorize with Shared Key" (2009-09-19+ scheme, shared by Blob and Queue): a GET with
        // ?restype=container&comp=metadata&timeout=20 signs twelve empty standard headers, the x-ms-* headers,
        // and the resource with its parameters sorted.
        using var request = TestRequests.Create(RequestMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20",
            ("x-ms-date", Date), ("x-ms-version", "2015-02-21"));
        const string expected = "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20";
        Assert.Equal(expected, QueueSharedKeyPolicy.BuildStringToSign(request, "myaccount"));
    }

    [Fact]
    public void Queue_resource_groups_repeated_parameters_sorted_and_decoded()
    {
        // The documented example: include=snapshots&include=metadata&include=uncommittedblobs becomes one sorted line.
        using var request = TestRequests.Create(RequestMethod.Get,
            "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs",
            ("x-ms-date", Date));
        Assert.EndsWith("/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container",
            QueueSharedKeyPolicy.BuildStringToSign(request, "myaccount"));

        using var delete = TestRequests.Create(RequestMethod.Delete, "http://127.0.0.1:10001/devstoreaccount1/q1/messages/id1?popreceipt=AgAAAA%2BBAAAA%3D%3D", ("x-ms-date", Date));
        Assert.EndsWith("/devstoreaccount1/devstoreaccount1/q1/messages/id1\npopreceipt:AgAAAA+BAAAA==", QueueSharedKeyPolicy.BuildStringToSign(delete, "devstoreaccount1"));
    }

    [Fact]
    public void Queue_signs_content_length_type_and_every_ms_header_in_order()
    {
        using var request = TestRequests.Create(RequestMethod.Post, "https://acct.queue.core.windows.net/jobs/messages?visibilitytimeout=5",
            ("x-ms-version", "2019-02-02"), ("x-ms-date", Date), ("Content-Type", "application/xml"), ("x-ms-client-request-id", "r1"));
        request.Content = RequestContent.Create(new byte[10]);
        var expected = "POST\n\n\n10\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:r1\nx-ms-date:" + Date + "\nx-ms-version:2019-02-02\n" +
            "/acct/jobs/messages\nvisibilitytimeout:5";
        Assert.Equal(expected, QueueSharedKeyPolicy.BuildStringToSign(request, "acct"));
    }

    [Fact]
    public void Queue_signs_zero_content_length_as_empty()
    {
        using var request = TestRequests.Create(RequestMethod.Put, "https://acct.queue.core.windows.net/jobs", ("x-ms-date", Date));
        request.Content = RequestContent.Create(Array.Empty<byte>());
        Assert.StartsWith("PUT\n\n\n\n", QueueSharedKeyPolicy.BuildStringToSign(request, "acct"));
    }

    [Fact]
    public void Signature_is_hmac_sha256_of_the_string_with_the_decoded_key()
    {
        // Reference values computed independently (Python hmac/hashlib) with Azurite's published key.
        var credential = new StorageSharedKeyCredential("devstoreaccount1", DevKey);
        Assert.Equal("E90rAACvmMLvu027Dk2jsOaz6gmagVVI6OcdV+On9Ak=",
            credential.ComputeSignature("GET\n\n\n" + Date + "\n/devstoreaccount1/devstoreaccount1/mytable()"));
        Assert.Equal("1u9lui2jDxj0+fpbHjQ5m5NnastJRSYM+PSmfi8TXx4=",
            credential.ComputeSignature("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20"));
    }

    [Fact]
    public void Table_policy_sets_the_authorization_header()
    {
        var credential = new StorageSharedKeyCredential("devstoreaccount1", DevKey);
        using var request = TestRequests.Create(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/mytable()", ("x-ms-date", Date));
        var message = TestRequests.Message(request);
        new TableSharedKeyPolicy(credential).OnSendingRequest(message);
        Assert.True(request.Headers.TryGetValue("Authorization", out var auth));
        Assert.Equal("SharedKey devstoreaccount1:E90rAACvmMLvu027Dk2jsOaz6gmagVVI6OcdV+On9Ak=", auth);
    }

    [Fact]
    public void Policies_add_a_date_when_missing()
    {
        var credential = new StorageSharedKeyCredential("acct", DevKey);
        using var request = TestRequests.Create(RequestMethod.Get, "https://acct.queue.core.windows.net/jobs/messages");
        new QueueSharedKeyPolicy(credential).OnSendingRequest(TestRequests.Message(request));
        Assert.True(request.Headers.TryGetValue("x-ms-date", out var date));
        Assert.EndsWith("GMT", date);
    }
}
