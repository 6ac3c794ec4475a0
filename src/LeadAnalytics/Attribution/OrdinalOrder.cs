namespace LeadAnalytics.Attribution;

/// <summary>The ordinal order of many distinct strings (lead ids), found by sorting packed 64-bit prefixes and comparing whole
/// strings only where prefixes tie. Same order as <see cref="StringComparer.Ordinal"/>, a few times faster on a million ids.</summary>
internal static class OrdinalOrder
{
    /// <summary>The indexes of <paramref name="strings"/> (distinct) in ordinal order.</summary>
    internal static int[] Sort(string[] strings)
    {
        // The first 8 UTF-16 units in 8 bits each when they are all ASCII (typical ids), else the first 4 in 16 bits. Units
        // compare as unsigned numbers in ordinal order, and a missing unit packs as 0, below any unit but '\0', which ties
        // and goes to the full comparison: so prefix order never contradicts ordinal order.
        var ascii = true;
        foreach (var s in strings)
        {
            var n = Math.Min(8, s.Length);
            for (var i = 0; i < n && ascii; i++)
            {
                ascii = s[i] < 0x80;
            }

            if (!ascii)
            {
                break;
            }
        }

        var (units, bits) = ascii ? (8, 8) : (4, 16);
        var keys = new Key[strings.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            var s = strings[k];
            var prefix = 0UL;
            for (var i = 0; i < units; i++)
            {
                prefix = (prefix << bits) | (i < s.Length ? s[i] : 0UL);
            }

            keys[k] = new Key(prefix, k, s);
        }

        Array.Sort(keys, KeyComparer.Instance);
        var order = new int[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            order[k] = keys[k].Index;
        }

        return order;
    }

    private readonly struct Key
    {
        internal Key(ulong prefix, int index, string text)
        {
            Prefix = prefix;
            Index = index;
            Text = text;
        }

        internal ulong Prefix { get; }

        internal int Index { get; }

        internal string Text { get; }
    }

    private sealed class KeyComparer : IComparer<Key>
    {
        internal static readonly KeyComparer Instance = new();

        public int Compare(Key x, Key y) =>
            x.Prefix != y.Prefix ? (x.Prefix < y.Prefix ? -1 : 1) : string.CompareOrdinal(x.Text, y.Text);
    }
}
