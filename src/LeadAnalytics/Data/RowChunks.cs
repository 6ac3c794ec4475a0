namespace LeadAnalytics.Data;

/// <summary>
/// Contiguous row chunks for the engines' parallel passes (the funnel's scheme, shared): a range is cut into at most
/// "parallelism" chunks of at least a minimum size, each chunk is aggregated on its own, and the caller merges the chunks
/// in chunk order. Merging in chunk order, with integer counts and sums and with samples written at fixed positions, is
/// what makes any chunking give the single-threaded result exactly.
/// </summary>
internal static class RowChunks
{
    // Below this many rows per chunk, threads cost more than they save.
    internal const int DefaultMinRowsPerChunk = 16_384;

    internal const string ParallelismMessage = "Use a positive thread count, or -1 for one per processor.";

    internal static bool IsValidParallelism(int maxDegreeOfParallelism) => maxDegreeOfParallelism > 0 || maxDegreeOfParallelism == -1;

    internal static int Effective(int maxDegreeOfParallelism) => maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;

    /// <summary>Chunk boundaries over [start, end): element c is where chunk c starts, the last is end.</summary>
    internal static int[] Bounds(int start, int end, int parallelism, int minRowsPerChunk)
    {
        var rows = end - start;
        var chunks = Math.Max(1, Math.Min(parallelism, rows / Math.Max(1, minRowsPerChunk)));
        var bounds = new int[chunks + 1];
        for (var c = 0; c <= chunks; c++)
        {
            bounds[c] = start + (int)((long)rows * c / chunks);
        }

        return bounds;
    }

    /// <summary>Runs body(0..count-1), on up to parallelism threads when there is more than one item.</summary>
    internal static void ForEach(int count, int parallelism, Action<int> body)
    {
        if (count == 1 || parallelism <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
    }
}
