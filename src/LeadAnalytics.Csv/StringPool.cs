namespace LeadAnalytics.Csv;

/// <summary>
/// Gives one string instance per distinct cell text of a column (channel, owner, loss reason...), so a million rows with
/// twelve channels allocate twelve strings. Lookups hash the characters; nothing is allocated for a text seen before.
/// Columns with more distinct values than <see cref="MaxEntries"/> stop pooling new ones (they are ids in disguise).
/// Every text is a label: it comes out normalised (<see cref="Label"/>), once per distinct cell text.
/// </summary>
internal sealed class StringPool
{
    internal const int MaxEntries = 1 << 16;
    private int[] _buckets = new int[64]; // 1-based entry index, 0 = empty
    private string[] _strings = new string[32];
    private int[] _hashes = new int[32];
    private int _count;

    internal int Count => _count;

    internal string Intern(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var mask = _buckets.Length - 1;
        for (var b = hash & mask; ; b = (b + 1) & mask)
        {
            var e = _buckets[b] - 1;
            if (e < 0)
            {
                var s = Label(text);
                if (_count < MaxEntries)
                {
                    Add(b, hash, s);
                }

                return s;
            }

            if (_hashes[e] == hash && text.SequenceEqual(_strings[e].AsSpan()))
            {
                return _strings[e];
            }
        }
    }

    /// <summary>A label as the engines group it: Unicode NFKC (full-width ＳＥＯ is SEO, ﬁ is fi), without invisible characters
    /// (controls such as NUL, zero-width spaces and joiners, bidirectional marks, soft hyphens: every format character), trimmed.
    /// Empty when nothing visible is left. Letter case is kept: labels that differ only by case are warned about by the quality
    /// check (<c>SimilarLabels</c>), not merged.</summary>
    internal static string Label(ReadOnlySpan<char> text)
    {
        var plain = true;
        foreach (var c in text)
        {
            if (c < ' ' || c > '~')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return RowBatch.Trim(text).ToString();
        }

        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format))
            {
                sb.Append(c);
            }
        }

        var kept = sb.ToString();
        try
        {
            kept = kept.Normalize(System.Text.NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised: keep the text as it is.
        }

        return RowBatch.Trim(kept.AsSpan()).ToString();
    }

    private void Add(int bucket, int hash, string s)
    {
        if (_count == _strings.Length)
        {
            Array.Resize(ref _strings, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
        }

        _strings[_count] = s;
        _hashes[_count] = hash;
        _count++;
        _buckets[bucket] = _count;
        if (_count * 2 > _buckets.Length)
        {
            // Keep the table at most half full: rebuild twice as large.
            _buckets = new int[_buckets.Length * 2];
            var mask = _buckets.Length - 1;
            for (var e = 0; e < _count; e++)
            {
                var b = _hashes[e] & mask;
                while (_buckets[b] != 0)
                {
                    b = (b + 1) & mask;
                }

                _buckets[b] = e + 1;
            }
        }
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        // The length and up to four characters from each end: constant time per cell, and enough to tell apart the texts of a
        // category column (equal hashes are resolved by comparing the characters).
        var h = (uint)text.Length * 0x9E3779B1u;
        var n = Math.Min(4, text.Length);
        for (var i = 0; i < n; i++)
        {
            h = unchecked((h ^ text[i]) * 16777619u);
            h = unchecked((h ^ text[text.Length - 1 - i]) * 16777619u);
        }

        h ^= h >> 15;
        h = unchecked(h * 0x2C1B3C6Du);
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }
}
