using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>An append-only array that doubles when full (a <see cref="List{T}"/> without the version checks), trimmed once
/// at the end.</summary>
internal sealed class GrowableArray<T>
{
    private T[] _items;

    internal GrowableArray(int capacity = 16) => _items = new T[Math.Max(4, capacity)];

    internal int Count { get; private set; }

    internal T this[int index] => _items[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    internal void CopyTo(T[] destination, int index) => Array.Copy(_items, 0, destination, index, Count);

    internal void AddAll(GrowableArray<T> other)
    {
        if (Count + other.Count > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(Count + other.Count, _items.Length * 2));
        }

        Array.Copy(other._items, 0, _items, Count, other.Count);
        Count += other.Count;
    }

    /// <summary>The parts' items end to end in one exact array; each part is emptied as it is copied, so memory peaks at the
    /// result plus the parts not yet copied. A null part counts as empty. When the first part's array holds exactly every
    /// item, the others are appended to it and it is the result.</summary>
    internal static T[] Combine(IReadOnlyList<GrowableArray<T>?> parts)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += part?.Count ?? 0;
        }

        if (parts.Count > 0 && parts[0] is { } head && head._items.Length == total)
        {
            // The first part was sized for every row (a parallel import that counted the lines): the others are appended to
            // it and its array is the result, so only the later parts are copied and no second array of the whole is made.
            var end = head.Count;
            for (var k = 1; k < parts.Count; k++)
            {
                if (parts[k] is { } part)
                {
                    Array.Copy(part._items, 0, head._items, end, part.Count);
                    end += part.Count;
                    part._items = Array.Empty<T>();
                    part.Count = 0;
                }
            }

            var items = head._items;
            head._items = Array.Empty<T>();
            head.Count = 0;
            return items;
        }

        var result = new T[total];
        var at = 0;
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }

            Array.Copy(part._items, 0, result, at, part.Count);
            at += part.Count;
            part._items = Array.Empty<T>();
            part.Count = 0;
        }

        return result;
    }

    internal T[] ToArray()
    {
        if (_items.Length == Count)
        {
            return _items;
        }

        var result = new T[Count];
        Array.Copy(_items, result, Count);
        return result;
    }
}
