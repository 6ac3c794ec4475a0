using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Data;

public class RowChunksTests
{
    [Property]
    public Property Chunks_are_contiguous_cover_the_range_and_respect_the_limits() =>
        Prop.ForAll(Arb.From(
                from start in Gen.Choose(0, 1_000)
                from rows in Gen.Choose(0, 100_000)
                from parallelism in Gen.Choose(1, 16)
                from minRows in Gen.Choose(1, 5_000)
                select (start, rows, parallelism, minRows)),
            c =>
            {
                var (start, rows, parallelism, minRows) = c;
                var bounds = RowChunks.Bounds(start, start + rows, parallelism, minRows);
                var chunks = bounds.Length - 1;
                var contiguous = Enumerable.Range(0, chunks).All(c => bounds[c] <= bounds[c + 1]);
                var bigEnough = chunks == 1 || Enumerable.Range(0, chunks).All(c => bounds[c + 1] - bounds[c] >= minRows);
                return (bounds[0] == start && bounds[chunks] == start + rows && chunks >= 1 && chunks <= parallelism && contiguous && bigEnough)
                    .Label(string.Join(",", bounds));
            });

    [Fact]
    public void One_chunk_per_thread_when_the_rows_allow_it()
    {
        Assert.Equal(new[] { 0, 50_000, 100_000 }, RowChunks.Bounds(0, 100_000, 2, 16_384));
        Assert.Equal(new[] { 10, 20_010 }, RowChunks.Bounds(10, 20_010, 2, 16_384));
        Assert.Equal(new[] { 0, 0 }, RowChunks.Bounds(0, 0, 4, 1));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(-1, true)]
    [InlineData(64, true)]
    [InlineData(0, false)]
    [InlineData(-2, false)]
    public void Valid_thread_counts_are_positive_or_minus_one(int value, bool valid)
    {
        Assert.Equal(valid, RowChunks.IsValidParallelism(value));
        Assert.Equal(Environment.ProcessorCount, RowChunks.Effective(-1));
    }

    [Fact]
    public void ForEach_runs_every_index_once()
    {
        foreach (var parallelism in new[] { 1, 2, 8 })
        {
            var hits = new int[100];
            RowChunks.ForEach(hits.Length, parallelism, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }
}
