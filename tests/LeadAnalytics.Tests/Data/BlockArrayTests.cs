using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Data;

/// <summary>A block array gives back exactly what was added, in order, across block boundaries (16, 32, ... 16,384, then
/// blocks of 16,384).</summary>
public class BlockArrayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(16 + 32 + 64)]
    [InlineData(32_767)]
    [InlineData(32_768)]
    [InlineData(100_003)]
    public void Copies_every_item_in_order(int count)
    {
        var items = new BlockArray<long>();
        for (var i = 0; i < count; i++)
        {
            items.Add((i * 7L) - 3);
        }

        Assert.Equal(count, items.Count);
        var copy = new long[count + 2];
        copy[0] = 42;
        copy[count + 1] = 43;
        items.CopyTo(copy, 1);
        Assert.Equal(42, copy[0]);
        Assert.Equal(43, copy[count + 1]);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal((i * 7L) - 3, copy[i + 1]);
        }
    }
}
