using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>The key (channel, strategy, content or a custom key) of each step of a lead journey, coded by first appearance and
/// ranked into ordinal order at the end. A step is a touch index into the touchpoint table, or ~row for a lead's own source.
/// Keys of the table's dictionary codes are resolved once per code, not once per step.</summary>
internal sealed class KeyCoder
{
    private readonly LeadTable _table;
    private readonly TouchpointTable? _touches;
    private readonly Func<Touchpoint, string?>? _selector;
    private readonly int _dimension;
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();
    private readonly int[] _touchCodeMap;
    private readonly int[] _sourceCodeMap;
    private readonly bool[] _touchChannelDirect;
    private readonly bool[] _sourceChannelDirect;

    internal KeyCoder(LeadTable table, TouchpointTable? touches, AttributionOptions options)
    {
        _table = table;
        _touches = touches;
        _selector = options.KeySelector;
        _dimension = options.By switch { Dimension.Strategy => 1, Dimension.Content => 2, _ => 0 };
        Direct = new HashSet<string>(options.DirectChannels, StringComparer.Ordinal);
        KeyedByChannel = _selector is null && options.By == Dimension.Channel;
        _touchCodeMap = Filled(touches?.Names[_dimension].Length ?? 0);
        _sourceCodeMap = Filled(table.Dimensions[(int)SourceDimension].Cardinality);
        _touchChannelDirect = DirectCodes(touches?.Names[0] ?? Array.Empty<string?>());
        _sourceChannelDirect = DirectCodes(table.Dimensions[(int)Dimension.Channel].Values);
    }

    internal HashSet<string> Direct { get; }

    /// <summary>Whether the key is the step's channel, so that whether a step is direct follows from its key.</summary>
    internal bool KeyedByChannel { get; }

    private Dimension SourceDimension => _dimension switch { 1 => Dimension.Strategy, 2 => Dimension.Content, _ => Dimension.Channel };

    internal int Code(int step)
    {
        if (_selector is not null)
        {
            return CodeOf(_selector(ToTouchpoint(step)));
        }

        if (step >= 0)
        {
            var c = _touches!.Codes[_dimension][step];
            return _touchCodeMap[c] >= 0 ? _touchCodeMap[c] : _touchCodeMap[c] = CodeOf(_touches.Names[_dimension][c]);
        }

        var s = _table.Dimensions[(int)SourceDimension].Codes[~step];
        return _sourceCodeMap[s] >= 0 ? _sourceCodeMap[s] : _sourceCodeMap[s] = CodeOf(_table.Dimensions[(int)SourceDimension].Values[s]);
    }

    internal bool IsDirect(int step) =>
        step >= 0 ? _touchChannelDirect[_touches!.Codes[0][step]] : _sourceChannelDirect[_table.Dimensions[(int)Dimension.Channel].Codes[~step]];

    /// <summary>The key names in ordinal order, and the rank of each provisional code.</summary>
    internal (string[] Names, int[] RankOf) Ranked()
    {
        var names = _names.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var rankOf = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            rankOf[_codes[names[i]]] = i;
        }

        return (names, rankOf);
    }

    private int CodeOf(string? key)
    {
        var name = string.IsNullOrWhiteSpace(key) ? DimensionKeys.Missing : key!;
        if (!_codes.TryGetValue(name, out var code))
        {
            code = _names.Count;
            _codes.Add(name, code);
            _names.Add(name);
        }

        return code;
    }

    private Touchpoint ToTouchpoint(int step)
    {
        if (step >= 0)
        {
            var t = _touches!;
            return new Touchpoint(
                _table.Ids.Get(RowOf(step)),
                new DateTimeOffset(t.Ticks[step], TimeSpan.Zero),
                t.Names[0][t.Codes[0][step]] ?? DimensionKeys.Missing,
                t.Names[1][t.Codes[1][step]],
                t.Names[2][t.Codes[2][step]],
                t.Milestones[step]);
        }

        var row = ~step;
        return new Touchpoint(
            _table.Ids.Get(row),
            _table.ToInstant(_table.StageSeconds[0][row])!.Value,
            _table.Dimensions[(int)Dimension.Channel].LabelOf(_table.Dimensions[(int)Dimension.Channel].Codes[row]),
            _table.Dimensions[(int)Dimension.Strategy].ValueOf(_table.Dimensions[(int)Dimension.Strategy].Codes[row]),
            _table.Dimensions[(int)Dimension.Content].ValueOf(_table.Dimensions[(int)Dimension.Content].Codes[row]),
            CrmMilestones.FirstTouch | CrmMilestones.LeadCreated);
    }

    private int RowOf(int touch)
    {
        // The row whose touch range holds the index: a binary search over the row starts (custom keys only).
        var starts = _touches!.RowStart;
        int lo = 0, hi = starts.Length - 2;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= touch)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private bool[] DirectCodes(IReadOnlyList<string?> names)
    {
        var direct = new bool[names.Count];
        for (var i = 0; i < direct.Length; i++)
        {
            direct[i] = Direct.Contains(names[i] ?? DimensionKeys.Missing);
        }

        return direct;
    }

    private static int[] Filled(int length)
    {
        var map = new int[length];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = -1;
        }

        return map;
    }
}
