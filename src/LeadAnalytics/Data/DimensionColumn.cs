namespace LeadAnalytics.Data;

/// <summary>
/// A dictionary-encoded dimension of a <see cref="LeadTable"/>: each distinct value is stored once and every lead
/// holds an int code. Code 0 is always "missing" (<see langword="null"/>); other codes follow first appearance.
/// </summary>
/// <remarks>Immutable and thread-safe. Values compare ordinally (<see cref="DimensionKeys.Comparer"/>).</remarks>
public sealed class DimensionColumn
{
    private readonly string?[] _values;
    private readonly Dictionary<string, int> _codes;

    internal DimensionColumn(Dimension dimension, string?[] values, CodeColumn codes)
    {
        Dimension = dimension;
        _values = values;
        Codes = codes;
        _codes = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 1; i < values.Length; i++)
        {
            _codes[values[i]!] = i;
        }

        // Rank by ordinal value, the missing code 0 first: engines order segments by rank instead of comparing labels.
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => a == b ? 0 : a == 0 ? -1 : b == 0 ? 1 : string.CompareOrdinal(values[a], values[b]));
        Ranks = new int[values.Length];
        for (var r = 0; r < order.Length; r++)
        {
            Ranks[order[r]] = r;
        }
    }

    /// <summary>The dimension.</summary>
    public Dimension Dimension { get; }

    /// <summary>Distinct values by code; index 0 is <see langword="null"/> (missing).</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>The number of codes including the missing code 0.</summary>
    public int Cardinality => _values.Length;

    // Per-row codes (single-valued dimensions) or per-entry codes (tags, indexed through LeadTable's offsets).
    internal CodeColumn Codes { get; }

    // Ranks[code]: the code's position when values are ordered ordinally, missing (code 0) first.
    internal int[] Ranks { get; }

    // Resident bytes of the codes and the distinct strings.
    internal long ResidentBytes
    {
        get
        {
            var bytes = Codes.ResidentBytes + (_values.Length * 4L);
            foreach (var v in _values)
            {
                bytes += v is null ? 0 : 24 + (2L * v.Length);
            }

            return bytes;
        }
    }

    /// <summary>The code of a value.</summary>
    /// <param name="value">The value; <see langword="null"/> gives the missing code 0.</param>
    /// <returns>The code, or -1 when the table has no lead with that value.</returns>
    public int CodeOf(string? value) => value is null ? 0 : _codes.TryGetValue(value, out var c) ? c : -1;

    /// <summary>The value of a code.</summary>
    /// <param name="code">A code from 0 to <see cref="Cardinality"/> - 1.</param>
    /// <returns>The value, or <see langword="null"/> for code 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The code is out of range.</exception>
    public string? ValueOf(int code)
    {
        if ((uint)code >= (uint)_values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, $"Codes run from 0 to {_values.Length - 1}.");
        }

        return _values[code];
    }

    /// <summary>The value of a code as a label: missing becomes <see cref="DimensionKeys.Missing"/>.</summary>
    /// <param name="code">A code.</param>
    /// <returns>The label.</returns>
    public string LabelOf(int code) => ValueOf(code) ?? DimensionKeys.Missing;
}
