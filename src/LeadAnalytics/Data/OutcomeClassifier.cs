using System.Runtime.CompilerServices;

namespace LeadAnalytics.Data;

/// <summary>
/// The one rule that says whether a lead is won, lost, stale or open as of an instant, and when that became so. Every
/// engine classifies through it, so a stale lead is the same lead in the funnel, the segment summary, cycle time, loss
/// reasons, the action tracker and the report.
/// </summary>
/// <remarks>
/// Won: the won stage recorded at or before as-of. Lost: not won, and the loss recorded at or before as-of. Stale: neither,
/// and as-of minus the latest activity at or before as-of is at least the threshold (a threshold of zero turns the rule
/// off). Open: the rest. The stale rule fires at latest activity + threshold (<see cref="EventSeconds"/>), so replaying an
/// earlier as-of gives the same classes. When as-of is at or after every instant in the table (the usual "as of now"), each
/// lead is as recorded and the precomputed furthest stage and latest activity answer without reading the stage columns:
/// <see cref="Settled"/> and <see cref="SettledFlags"/>, branch-free for the counting loops.
/// </remarks>
internal sealed class OutcomeClassifier
{
    private const int Missing = LeadTable.MissingTime;
    private readonly LeadTable _table;
    private readonly int[] _acquired;
    private readonly int[] _won;
    private readonly int[] _lost;
    private readonly int[] _latest;
    private readonly byte[] _furthest;
    private readonly int _last;
    private readonly int _staleEnabled;
    private readonly int _lastAcquired;

    internal OutcomeClassifier(LeadTable table, int asOfSeconds, TimeSpan staleAfter)
        : this(table, asOfSeconds, staleAfter, AcquisitionPeriod.AllTime)
    {
    }

    internal OutcomeClassifier(LeadTable table, int asOfSeconds, AnalysisScope scope)
        : this(table, asOfSeconds, scope.StaleAfter, scope.Period)
    {
    }

    private OutcomeClassifier(LeadTable table, int asOfSeconds, TimeSpan staleAfter, AcquisitionPeriod period)
    {
        _table = table;
        _acquired = table.StageSeconds[0];
        _last = table.StageSeconds.Length - 1;
        _won = table.StageSeconds[_last];
        _lost = table.LostSeconds;
        _latest = table.LatestActivity;
        _furthest = table.Furthest;
        AsOf = asOfSeconds;
        StaleSeconds = LeadTable.StaleSeconds(staleAfter);
        _staleEnabled = StaleSeconds > 0 ? 1 : 0;
        Settled = asOfSeconds >= table.MaxEventSeconds;
        (From, var to) = TableTime.Bounds(table, period);
        // Acquired by as-of and before the period's end: one upper bound.
        _lastAcquired = (int)Math.Min(asOfSeconds, (long)to - 1);
        AllAcquiredInScope = From == int.MinValue && _lastAcquired >= table.MaxEventSeconds;
    }

    /// <summary>The first acquisition second in scope (the period's start rounded up), or <see cref="int.MinValue"/>.</summary>
    internal int From { get; }

    /// <summary>Whether every lead of the table is in scope (no period start, and as-of after every instant and the period's
    /// end after as-of), so the scope test can be skipped.</summary>
    internal bool AllAcquiredInScope { get; }

    /// <summary>The as-of instant in table seconds.</summary>
    internal int AsOf { get; }

    /// <summary>The stale threshold in whole seconds (rounded up); 0 when the rule is off.</summary>
    internal int StaleSeconds { get; }

    /// <summary>Whether as-of is at or after every instant of the table, so every lead is as recorded.</summary>
    internal bool Settled { get; }

    /// <summary>Whether the lead was acquired by as-of (leads acquired later do not exist yet).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsAcquired(int row) => _acquired[row] <= AsOf;

    /// <summary>Whether the lead is in scope: acquired by as-of and inside the acquisition period [from, to).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool InScope(int row)
    {
        var a = _acquired[row];
        return a >= From && a <= _lastAcquired;
    }

    /// <summary>The class of an acquired lead.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal LeadState Classify(int row)
    {
        if (Settled)
        {
            SettledFlags(row, out var won, out var lost, out var stale);
            return won != 0 ? LeadState.Won : lost != 0 ? LeadState.Lost : stale != 0 ? LeadState.Stale : LeadState.Open;
        }

        var w = _won[row];
        if (w != Missing && w <= AsOf)
        {
            return LeadState.Won;
        }

        var l = _lost[row];
        if (l != Missing && l <= AsOf)
        {
            return LeadState.Lost;
        }

        return IsStaleOpen(row) ? LeadState.Stale : LeadState.Open;
    }

    /// <summary>Whether a lead known to be neither won nor lost by as-of is stale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsStaleOpen(int row) =>
        _staleEnabled != 0 && (long)AsOf - (Settled ? _latest[row] : _table.LatestActivityAt(row, AsOf)) >= StaleSeconds;

    /// <summary>The settled classes as 0/1 integers (exactly one of won, lost, stale, open is 1); only when
    /// <see cref="Settled"/>. Without branches: the outcome of consecutive rows is unpredictable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SettledFlags(int row, out int won, out int lost, out int stale)
    {
        won = _furthest[row] == _last ? 1 : 0;
        lost = (1 - won) & (_lost[row] != Missing ? 1 : 0);
        stale = (1 - won - lost) & _staleEnabled & ((long)AsOf - _latest[row] >= StaleSeconds ? 1 : 0);
    }

    /// <summary>When the lead's class became what it is: the won stage, the loss, latest activity + threshold for a stale
    /// lead (the instant the rule fired), as-of for an open lead (censored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int EventSeconds(int row, LeadState state) => state switch
    {
        LeadState.Won => _won[row],
        LeadState.Lost => _lost[row],
        LeadState.Stale => (int)Math.Min(AsOf, (long)(Settled ? _latest[row] : _table.LatestActivityAt(row, AsOf)) + StaleSeconds),
        _ => AsOf,
    };
}
