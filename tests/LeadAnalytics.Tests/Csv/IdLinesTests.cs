using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Csv;

namespace LeadAnalytics.Tests.Csv;

/// <summary>The duplicate-id set of the lead import answers what the ordinal dictionary it replaced answered: the same
/// membership and the same first line, through growth and hash collisions.</summary>
public class IdLinesTests
{
    [Property(MaxTest = 200)]
    public Property It_answers_as_an_ordinal_dictionary() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Elements("L1", "L2", "l1", "L1 ", "", "线索1", "線索1", "\uD83D\uDE00", "L10", "L100", "a\0b", "a"))
            .Select(ids => ids.ToArray())), ids =>
        {
            var expected = new Dictionary<string, long>(StringComparer.Ordinal);
            var actual = new IdLines();
            for (var line = 0; line < ids.Length; line++)
            {
                var id = ids[line];
                Assert.Equal(expected.TryGetValue(id, out var first), actual.TryGetValue(id, out var got));
                Assert.Equal(first, got);
                if (!expected.ContainsKey(id))
                {
                    expected.Add(id, line);
                    actual.Add(id, line);
                }
                else
                {
                    Assert.Throws<ArgumentException>(() => actual.Add(id, line));
                }
            }

            Assert.Equal(expected.Count, actual.Count);
        });

    [Fact]
    public void A_million_ids_keep_their_first_lines()
    {
        var ids = new IdLines();
        for (var i = 0; i < 1_000_000; i++)
        {
            ids.Add("L" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i + 2);
        }

        Assert.Equal(1_000_000, ids.Count);
        Assert.True(ids.TryGetValue("L0", out var line0));
        Assert.Equal(2, line0);
        Assert.True(ids.TryGetValue("L999999", out var last));
        Assert.Equal(1_000_001, last);
        Assert.False(ids.ContainsKey("L1000000"));
        Assert.False(ids.ContainsKey("L"));
    }
}
