using System.Runtime.CompilerServices;
using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>
/// Decides, for one row, the stage a lead stopped at and why, under the funnel rules (as-of cut-off, conversion
/// window, implied or recorded stages, stale rule). Reads the table's columns directly; no allocation.
/// </summary>
internal sealed class RowClassifier
{
    private const int Missing = LeadTable.MissingTime;
    private readonly int[][] _stages;
    private readonly int[] _acquired;
    private readonly int[] _lost;
    private readonly byte[] _furthest;
    private readonly int _last;
    private readonly int _asOf;
    private readonly bool _hasWindow;
    private readonly long _window;
    private readonly bool _strict;
    private readonly OutcomeClassifier _outcomes;
    private readonly bool _settled;
    private readonly bool _allInScope;

    internal RowClassifier(LeadTable table, int asOfSeconds, FunnelOptions options)
    {
        _stages = table.StageSeconds;
        _acquired = _stages[0];
        _lost = table.LostSeconds;
        _furthest = table.Furthest;
        _last = _stages.Length - 1;
        _asOf = asOfSeconds;
        // Instants are whole seconds, so "within w" is "within floor(w) seconds" (a sub-second window keeps only the acquisition second).
        _hasWindow = options.ConversionWindow is not null;
        _window = options.ConversionWindow is { } w ? (long)Math.Floor(w.TotalSeconds) : 0;
        _strict = options.RequireRecordedStages;
        _outcomes = new OutcomeClassifier(table, asOfSeconds, options.Scope);
        // As-of at or after every instant in the table (the usual case: "as of now") sees each lead as recorded, so the
        // outcome classifier's settled flags are the answers and the stage columns need not be read.
        _settled = !_hasWindow && !_strict && _outcomes.Settled;
        _allInScope = _outcomes.AllAcquiredInScope;
    }

    /// <summary>Classifies a row.</summary>
    /// <param name="row">The row.</param>
    /// <param name="stage">The furthest stage the lead counts as having reached.</param>
    /// <param name="category">Why it stopped there (a <see cref="FunnelLayout"/> category; 0 at the won stage).</param>
    /// <param name="cutOff">The instant after which the lead's events are ignored: as-of, or the end of its window.</param>
    /// <returns><see langword="false"/> when the lead was acquired after as-of (not in the funnel yet).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryClassify(int row, out int stage, out int category, out int cutOff)
    {
        cutOff = _asOf;
        if (_settled)
        {
            if (!_allInScope && !_outcomes.InScope(row))
            {
                stage = 0;
                category = 0;
                return false;
            }

            // Without branches (the outcome of consecutive rows is unpredictable): Open 2, Stale 1, Lost 0, and 0 at won.
            stage = _furthest[row];
            _outcomes.SettledFlags(row, out var won, out var lost, out var stale);
            category = (1 - won - lost) * (FunnelLayout.Open - stale);
            return true;
        }

        var acquired = _acquired[row];
        stage = 0;
        category = 0;
        if (!_outcomes.InScope(row))
        {
            return false;
        }

        var windowClosed = false;
        if (_hasWindow)
        {
            var end = acquired + _window;
            if (end <= _asOf)
            {
                cutOff = (int)end;
                windowClosed = true;
            }
        }

        var gap = false;
        if (_strict)
        {
            // Only an unbroken record counts; a later stage recorded past a gap marks the lead as unrecorded here.
            var s = 1;
            while (s <= _last && Reached(_stages[s][row], cutOff))
            {
                s++;
            }

            stage = s - 1;
            for (var later = s + 1; later <= _last && !gap; later++)
            {
                gap = Reached(_stages[later][row], cutOff);
            }
        }
        else
        {
            // Stages above the furthest recorded one have no instant: start there.
            for (var s = (int)_furthest[row]; s > 0; s--)
            {
                if (Reached(_stages[s][row], cutOff))
                {
                    stage = s;
                    break;
                }
            }
        }

        if (stage == _last)
        {
            return true;
        }

        if (gap)
        {
            category = FunnelLayout.Unrecorded;
        }
        else if (Reached(_lost[row], cutOff))
        {
            category = FunnelLayout.Lost;
        }
        else if (windowClosed)
        {
            category = FunnelLayout.Expired;
        }
        else if (_outcomes.IsStaleOpen(row))
        {
            category = FunnelLayout.Stale;
        }
        else
        {
            category = FunnelLayout.Open;
        }

        return true;
    }

    /// <summary>Which steps up to <paramref name="stage"/> have both instants recorded by the cut-off, split by sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void StepDurations(int row, int stage, int cutOff, out ulong usable, out ulong negative)
    {
        usable = 0;
        negative = 0;
        for (var k = 0; k < stage; k++)
        {
            var from = _stages[k][row];
            var to = _stages[k + 1][row];
            if (Reached(from, cutOff) && Reached(to, cutOff))
            {
                if ((long)to - from >= 0)
                {
                    usable |= 1UL << k;
                }
                else
                {
                    negative |= 1UL << k;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Duration(int row, int step) => (int)Math.Min(int.MaxValue, (long)_stages[step + 1][row] - _stages[step][row]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Reached(int instant, int cutOff) => instant != Missing && instant <= cutOff;
}
