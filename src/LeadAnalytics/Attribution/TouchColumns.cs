namespace LeadAnalytics.Attribution;

/// <summary>The fields of touchpoints that the journey table needs, read once per touch into flat arrays (index = the touch's
/// position in the input; lead-source touches made up for leads without touches are appended). Keys are coded in order of first
/// appearance, with one dictionary lookup per run of the same string instance.</summary>
internal sealed class TouchColumns
{
    private readonly Func<Touchpoint, string?> _selector;
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly IndexComparer _comparer;
    private Touchpoint[] _objects;
    private string? _lastKey;
    private int _lastCode = -1;
    private string? _lastChannel;
    private bool _lastDirect;
    private int _count;

    internal TouchColumns(int capacity, Func<Touchpoint, string?> selector, AttributionOptions options)
    {
        _selector = selector;
        DirectChannels = new HashSet<string>(options.DirectChannels, StringComparer.Ordinal);
        KeyedByChannel = options.KeySelector is null && options.By == Dimension.Channel;
        capacity += 16;
        _objects = new Touchpoint[capacity];
        Ticks = new long[capacity];
        Code = new int[capacity];
        Direct = new bool[capacity];
        Milestones = new CrmMilestones[capacity];
        _comparer = new IndexComparer(this);
    }

    internal HashSet<string> DirectChannels { get; }

    /// <summary>Whether the key is the touch's channel, so that whether a step is direct follows from its key.</summary>
    internal bool KeyedByChannel { get; }

    internal List<string> Names { get; } = new();

    internal long[] Ticks { get; private set; }

    internal int[] Code { get; private set; }

    internal bool[] Direct { get; private set; }

    internal CrmMilestones[] Milestones { get; private set; }

    internal int CodeOf(string name) => _codes[name];

    /// <summary>Reads a touch; returns its index.</summary>
    internal int Add(Touchpoint touch)
    {
        var i = Reserve(touch);
        Ticks[i] = touch.OccurredAt.UtcTicks;
        Milestones[i] = touch.Milestones;
        var key = _selector(touch);
        if (key is null || !ReferenceEquals(key, _lastKey))
        {
            var name = string.IsNullOrWhiteSpace(key) ? DimensionKeys.Missing : key!;
            if (!_codes.TryGetValue(name, out _lastCode))
            {
                _lastCode = Names.Count;
                _codes.Add(name, _lastCode);
                Names.Add(name);
            }

            _lastKey = key;
        }

        Code[i] = _lastCode;
        if (!KeyedByChannel)
        {
            if (!ReferenceEquals(touch.Channel, _lastChannel))
            {
                _lastChannel = touch.Channel;
                _lastDirect = DirectChannels.Contains(touch.Channel);
            }

            Direct[i] = _lastDirect;
        }

        return i;
    }

    /// <summary>Keeps the place of a touch that belongs to no lead (its fields are never read).</summary>
    internal void AddUnused(Touchpoint touch) => Reserve(touch);

    /// <summary>Sorts touch indexes into the canonical order of a journey (time, then the touches' fields), if not already in it.</summary>
    internal void Sort(int[] indexes, int count)
    {
        for (var i = 1; i < count; i++)
        {
            if (_comparer.Compare(indexes[i - 1], indexes[i]) > 0)
            {
                Array.Sort(indexes, 0, count, _comparer);
                return;
            }
        }
    }

    private int Reserve(Touchpoint touch)
    {
        if (_count == _objects.Length)
        {
            var size = _objects.Length * 2;
            _objects = Grow(_objects, size);
            Ticks = Grow(Ticks, size);
            Code = Grow(Code, size);
            Direct = Grow(Direct, size);
            Milestones = Grow(Milestones, size);
        }

        _objects[_count] = touch;
        return _count++;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    private sealed class IndexComparer : IComparer<int>
    {
        private readonly TouchColumns _columns;

        internal IndexComparer(TouchColumns columns) => _columns = columns;

        // Time first from the flat column; touches at the same instant by their fields (JourneyTableBuilder.CompareTouches).
        public int Compare(int x, int y)
        {
            var c = _columns.Ticks[x].CompareTo(_columns.Ticks[y]);
            return c != 0 ? c : JourneyTableBuilder.CompareTouches(_columns._objects[x], _columns._objects[y]);
        }
    }
}
