using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

/// <summary>One change to a message. Positions are taken modulo the length they apply to, so any integer is valid.</summary>
internal abstract record MimeMutation
{
    public abstract byte[] Apply(byte[] input);

    protected static int At(int value, int length) => length == 0 ? 0 : (int)((uint)value % (uint)(length + 1));
}

internal sealed record FlipByte(int Position, byte Value) : MimeMutation
{
    public override byte[] Apply(byte[] input)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var output = (byte[])input.Clone();
        output[At(Position, input.Length - 1)] = Value;
        return output;
    }
}

internal sealed record InsertText(int Position, string Text) : MimeMutation
{
    public override byte[] Apply(byte[] input)
    {
        var at = At(Position, input.Length);
        return [.. input.AsSpan(0, at), .. Encoding.Latin1.GetBytes(Text), .. input.AsSpan(at)];
    }
}

internal sealed record Truncate(int Position) : MimeMutation
{
    public override byte[] Apply(byte[] input) => input[..At(Position, input.Length)];
}

internal sealed record DuplicateSlice(int Start, int Length, int Position) : MimeMutation
{
    public override byte[] Apply(byte[] input)
    {
        var start = At(Start, input.Length);
        var slice = input.AsSpan(start, Math.Min(Length, input.Length - start));
        var at = At(Position, input.Length);
        return [.. input.AsSpan(0, at), .. slice, .. input.AsSpan(at)];
    }
}

internal sealed record DeleteSlice(int Start, int Length) : MimeMutation
{
    public override byte[] Apply(byte[] input)
    {
        var start = At(Start, input.Length);
        var end = Math.Min(input.Length, start + Length);
        return [.. input.AsSpan(0, start), .. input.AsSpan(end)];
    }
}

internal sealed record SpliceWith(string Other, byte[] OtherBytes, int Cut, int OtherCut) : MimeMutation
{
    public override byte[] Apply(byte[] input) =>
        [.. input.AsSpan(0, At(Cut, input.Length)), .. OtherBytes.AsSpan(At(OtherCut, OtherBytes.Length))];

    // The other seed's bytes are not worth printing; its name reproduces them.
    public override string ToString() => $"SpliceWith {{ Other = {Other}, Cut = {Cut}, OtherCut = {OtherCut} }}";
}

/// <summary>A seed and the mutations applied to it in order; its text is enough to reproduce the input.</summary>
internal sealed record MimeFuzzCase(MimeFuzzSeed Seed, IReadOnlyList<MimeMutation> Mutations)
{
    public byte[] Bytes() => Mutations.Aggregate(Seed.Bytes, (bytes, mutation) => mutation.Apply(bytes));

    public override string ToString() => $"{Seed.Name} + [{string.Join(", ", Mutations)}]";
}

/// <summary>FsCheck generators of mutated seeds: byte flips, insertions of structure-breaking text, truncation, duplication, splicing.</summary>
internal static class MimeFuzzMutations
{
    private static readonly string[] Tokens =
    [
        "\r", "\n", "\r\n", "\r\n\r\n", "\0", "\t", " ", "--", "=?utf-8?B?", "=?iso-2022-jp?B?GyRC", "=?x-bad?Q?=FF?=", "?=",
        "=", "=\r\n", "=XY", "\"", "(", ")", "<", ">", ":", ";", ",", "@", "\\", "\u00FF\u00FE", "\u00C3", "From ", ">From ",
        "Content-Type: multipart/mixed; boundary=\"fz\"\r\n", "\r\n--fz\r\n", "\r\n--fz--\r\n", "Content-Type: message/rfc822\r\n\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "begin 644 f\r\n",
        "; name*0*=utf-8''%E2%82; name*1*=%AC", "Content-Type: multipart/digest; boundary=\"\"\r\n\r\n--\r\n",
    ];

    public static Arbitrary<MimeFuzzCase> Arbitrary(IReadOnlyList<MimeFuzzSeed> seeds, IReadOnlyList<string> delimiters)
    {
        var position = Gen.Choose(0, int.MaxValue);
        var length = Gen.Choose(1, 4096);
        var seed = Gen.Elements(seeds.ToArray());
        var text = Gen.Elements(Tokens.Concat(delimiters).ToArray());
        var mutation = Gen.Frequency(
            (5, position.Zip(Gen.Choose(0, 255), (p, v) => (MimeMutation)new FlipByte(p, (byte)v))),
            (6, position.Zip(text, (p, t) => (MimeMutation)new InsertText(p, t))),
            (2, position.Select(p => (MimeMutation)new Truncate(p))),
            (2, from s in position from l in length from p in position select (MimeMutation)new DuplicateSlice(s, l, p)),
            (2, from s in position from l in length select (MimeMutation)new DeleteSlice(s, l)),
            (2, from other in seed from cut in position from otherCut in position select (MimeMutation)new SpliceWith(other.Name, other.Bytes, cut, otherCut)));
        var cases =
            from s in seed
            from count in Gen.Choose(1, 6)
            from mutations in Gen.ListOf(mutation, count)
            select new MimeFuzzCase(s, [.. mutations]);
        return Arb.From(cases);
    }
}
