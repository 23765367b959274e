using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    public void Keys_with_forbidden_characters_are_refused(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(new TableEntity(key, "r")));
        Assert.IsNotType<PayloadTooLargeException>(ex);
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(new TableEntity("p", key)));
    }

    [Fact]
    public void Keys_may_be_empty_unicode_and_up_to_1024_characters()
    {
        TableLimits.ValidateEntity(new TableEntity(string.Empty, "ünï'cödé 🎉 %20 ()"));
        TableLimits.ValidateEntity(new TableEntity(new string('k', 1024), "r"));
        var ex = Assert.Throws<PayloadTooLargeException>(() => TableLimits.ValidateEntity(new TableEntity(new string('k', 1025), "r")));
        Assert.Equal(1025, ex.ActualSize);
    }

    [Fact]
    public void A_string_counts_two_bytes_a_character_up_to_64_KiB()
    {
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = new string('x', 32 * 1024) });
        var ex = Assert.Throws<PayloadTooLargeException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = new string('x', (32 * 1024) + 1) }));
        Assert.Equal("S", ex.PropertyName);
        Assert.Equal(TableLimits.MaxPropertyValueBytes, ex.MaxSize);
    }

    [Fact]
    public void Binary_is_limited_to_64_KiB()
    {
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["B"] = new byte[64 * 1024] });
        var ex = Assert.Throws<PayloadTooLargeException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["B"] = new byte[(64 * 1024) + 1] }));
        Assert.Equal("B", ex.PropertyName);
    }

    [Fact]
    public void The_whole_entity_is_limited_to_1_MiB_as_the_service_counts_it()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 15; i++)
        {
            entity[$"Chunk{i:00}"] = new byte[64 * 1024];
        }

        TableLimits.ValidateEntity(entity);
        entity["Chunk15"] = new byte[64 * 1024];
        var ex = Assert.Throws<PayloadTooLargeException>(() => TableLimits.ValidateEntity(entity));
        Assert.Null(ex.PropertyName);
        Assert.Equal(TableLimits.MaxEntityBytes, ex.MaxSize);
        Assert.True(ex.ActualSize > TableLimits.MaxEntityBytes);
    }

    [Fact]
    public void At_most_252_custom_properties()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        TableLimits.ValidateEntity(entity);
        entity["P252"] = 1;
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(entity));
    }

    [Fact]
    public void Dates_before_1601_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["D"] = new DateTimeOffset(1600, 12, 31, 0, 0, 0, TimeSpan.Zero) }));
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["D"] = TableLimits.MinDateTime });
    }
}
