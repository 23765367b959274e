using Azure.Core;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class StorageAccountTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Fact]
    public void Development_storage_uses_azurite_default_ports_and_the_well_known_account()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.NotNull(account.SharedKeyCredential);
        Assert.Null(account.TokenCredential);
    }

    [Fact]
    public void Account_settings_build_host_style_endpoints_from_the_suffix()
    {
        var account = StorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal("acct", account.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.chinacloudapi.cn"), account.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), account.QueueEndpoint);
    }

    [Fact]
    public void Defaults_are_https_and_the_public_cloud()
    {
        var account = StorageAccount.Parse($"AccountName=acct;AccountKey={Key}");
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_keys_are_case_insensitive()
    {
        var account = StorageAccount.Parse(
            $" defaultendpointsprotocol=http ; accountname=devstoreaccount1 ; accountkey={Key} ; " +
            "TableEndpoint=http://127.0.0.1:5555/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5556/devstoreaccount1;BlobEndpoint=http://127.0.0.1:5557/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:5555/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5556/devstoreaccount1"), account.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=acct;AccountName=b;AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("garbage", "Name=Value")]
    public void Bad_connection_strings_name_the_setting(string connectionString, string mentioned)
    {
        var ex = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_key_is_reported_without_its_value()
    {
        const string badKey = "not*base64*secret";
        var ex = Assert.Throws<FormatException>(() => StorageAccount.Parse($"AccountName=acct;AccountKey={badKey}"));
        Assert.DoesNotContain(badKey, ex.Message, StringComparison.Ordinal);
        Assert.Contains("acct", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var account = StorageAccount.Parse($"AccountName=acct;AccountKey={Key}");
        Assert.DoesNotContain(Key, account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, account.SharedKeyCredential!.ToString(), StringComparison.Ordinal);
        Assert.Contains("acct", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sas_connection_strings_are_refused_clearly()
    {
        var ex = Assert.Throws<FormatException>(() => StorageAccount.Parse("TableEndpoint=https://a.table.core.windows.net;SharedAccessSignature=sv=2020&sig=abc"));
        Assert.Contains("SharedAccessSignature", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=abc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_accounts_take_the_account_name_from_host_or_path()
    {
        var credential = new FakeTokenCredential();
        var hostStyle = StorageAccount.FromTokenCredential("acct", credential);
        Assert.Equal("acct", hostStyle.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), hostStyle.TableEndpoint);
        Assert.Same(credential, hostStyle.TokenCredential);
        Assert.Null(hostStyle.SharedKeyCredential);

        var pathStyle = StorageAccount.FromTokenCredential(new Uri("https://127.0.0.1:10002/devstoreaccount1"), new Uri("https://127.0.0.1:10001/devstoreaccount1"), credential);
        Assert.Equal("devstoreaccount1", pathStyle.AccountName);
    }

    private sealed class FakeTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
