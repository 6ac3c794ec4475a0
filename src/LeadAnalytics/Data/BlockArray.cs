namespace LeadAnalytics.Data;

/// <summary>
/// An append-only sequence kept in blocks that are never moved: blocks double from 16 items up to 16,384 and stay that
/// size. Where <see cref="GrowableArray{T}"/> copies itself into an array twice as large, and the old arrays stay in memory
/// until the next full collection (a large-object array is freed only then), a block array allocates each item's slot
/// once; for engines that collect millions of values per segment before counting them (cycle time), that garbage was
/// about the values' own size again.
/// </summary>
internal sealed class BlockArray<T>
{
    private const int FirstBlock = 16;
    private const int LargestBlock = 16_384;

    private readonly List<T[]> _blocks = new();
    private T[] _current = Array.Empty<T>();
    private int _used;

    internal int Count { get; private set; }

    internal void Add(T item)
    {
        if (_used == _current.Length)
        {
            _current = new T[_current.Length == 0 ? FirstBlock : Math.Min(_current.Length * 2, LargestBlock)];
            _blocks.Add(_current);
            _used = 0;
        }

        _current[_used++] = item;
        Count++;
    }

    /// <summary>Copies the items in order to <paramref name="destination"/> from <paramref name="index"/> on.</summary>
    internal void CopyTo(T[] destination, int index)
    {
        var left = Count;
        foreach (var block in _blocks)
        {
            var n = Math.Min(block.Length, left);
            Array.Copy(block, 0, destination, index, n);
            index += n;
            left -= n;
        }
    }
}
