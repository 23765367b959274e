using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Storage;

/// <summary>An account name and its key. The key never leaves this type: not in ToString, not in errors.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    public StorageSharedKeyCredential(string accountName, string base64Key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(base64Key);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            // The key itself is not repeated: a half-typed key is still a secret.
            throw new FormatException($"The account key for '{accountName}' is not valid base64.");
        }
    }

    public string AccountName { get; }

    /// <summary>HMAC-SHA256 of the UTF-8 string, base64: the Shared Key signature.</summary>
    internal string ComputeSignature(string stringToSign)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign), hash);
        return Convert.ToBase64String(hash);
    }

    public override string ToString() => $"SharedKey({AccountName})";
}
