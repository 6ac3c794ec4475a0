namespace LeadAnalytics.Attribution;

/// <summary>
/// The rule-based models: each journey's credit is split over its touches by a fixed rule (first, last, last non-direct, linear,
/// position-based, time decay, and the CRM-milestone U, W and full-path shapes). One pass over the rows; no allocation per row.
/// </summary>
internal static class RuleBasedAttribution
{
    private static readonly CrmMilestones[] UShape = { CrmMilestones.FirstTouch, CrmMilestones.LeadCreated };
    private static readonly double[] UShares = { 0.4, 0.4 };
    private static readonly CrmMilestones[] WShape = { CrmMilestones.FirstTouch, CrmMilestones.LeadCreated, CrmMilestones.DealCreated };
    private static readonly double[] WShares = { 0.3, 0.3, 0.3 };
    private static readonly CrmMilestones[] FullShape = { CrmMilestones.FirstTouch, CrmMilestones.LeadCreated, CrmMilestones.DealCreated, CrmMilestones.ClosedWon };
    private static readonly double[] FullShares = { 0.225, 0.225, 0.225, 0.225 };

    internal static bool Handles(AttributionModel model) => model is >= AttributionModel.FirstTouch and <= AttributionModel.FullPath;

    internal static RawCredit Compute(JourneyTable table, AttributionModel model, AttributionOptions options)
    {
        Preconditions.CheckArgument(model != AttributionModel.TimeDecay || table.StepDaysBefore is not null, "journeys", "Time decay needs touch times; aggregated paths have none. Use lead journeys with touchpoints.");

        Preconditions.CheckArgument(model is not (AttributionModel.UShaped or AttributionModel.WShaped or AttributionModel.FullPath) || table.StepMilestones is not null, "journeys", $"The {model} model needs CRM milestones on touches; aggregated paths have none. Use lead journeys with touchpoints.");

        var keyCount = table.Keys.Length;
        var conversions = new double[keyCount];
        var conversionsCompensation = new double[keyCount];
        var value = new double[keyCount];
        var valueCompensation = new double[keyCount];
        var shares = new double[Math.Max(1, table.MaxRowLength)];
        var halfLifeDays = options.TimeDecayHalfLife.Ticks / (double)TimeSpan.TicksPerDay;

        for (var r = 0; r < table.RowCount; r++)
        {
            var conv = table.Conversions[r];
            if (conv == 0)
            {
                continue; // rule-based models credit conversions only
            }

            var start = table.RowStart[r];
            var length = table.RowStart[r + 1] - start;
            switch (model)
            {
                case AttributionModel.FirstTouch:
                    Single(shares, length, 0);
                    break;
                case AttributionModel.LastTouch:
                    Single(shares, length, length - 1);
                    break;
                case AttributionModel.LastNonDirect:
                    Single(shares, length, LastNonDirect(table.StepDirect, start, length));
                    break;
                case AttributionModel.Linear:
                    Linear(shares, length);
                    break;
                case AttributionModel.PositionBased:
                    PositionBased(shares, length, options.PositionBasedFirstShare, options.PositionBasedLastShare);
                    break;
                case AttributionModel.TimeDecay:
                    TimeDecay(shares, table.StepDaysBefore!, start, length, halfLifeDays);
                    break;
                case AttributionModel.UShaped:
                    Milestones(shares, table.StepMilestones!, start, length, UShape, UShares, 0.2);
                    break;
                case AttributionModel.WShaped:
                    Milestones(shares, table.StepMilestones!, start, length, WShape, WShares, 0.1);
                    break;
                default:
                    Milestones(shares, table.StepMilestones!, start, length, FullShape, FullShares, 0.1);
                    break;
            }

            var rowValue = (double)table.Value[r];
            for (var i = 0; i < length; i++)
            {
                var share = shares[i];
                if (share == 0)
                {
                    continue;
                }

                var key = table.StepKey[start + i];
                NeumaierSum.Add(conversions, conversionsCompensation, key, conv * share);
                if (rowValue != 0)
                {
                    NeumaierSum.Add(value, valueCompensation, key, rowValue * share);
                }
            }
        }

        return new RawCredit(NeumaierSum.Totals(conversions, conversionsCompensation), NeumaierSum.Totals(value, valueCompensation));
    }

    private static void Single(double[] shares, int length, int index)
    {
        Array.Clear(shares, 0, length);
        shares[index] = 1;
    }

    private static int LastNonDirect(bool[] direct, int start, int length)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            if (!direct[start + i])
            {
                return i;
            }
        }

        return length - 1; // every touch was direct: the last one keeps the credit
    }

    private static void Linear(double[] shares, int length)
    {
        var share = 1.0 / length;
        for (var i = 0; i < length; i++)
        {
            shares[i] = share;
        }
    }

    internal static void PositionBased(double[] shares, int length, double first, double last)
    {
        if (length == 1)
        {
            shares[0] = 1;
            return;
        }

        if (length == 2)
        {
            shares[0] = 0.5;
            shares[1] = 0.5;
            return;
        }

        var middle = (1 - first - last) / (length - 2);
        shares[0] = first;
        for (var i = 1; i < length - 1; i++)
        {
            shares[i] = middle;
        }

        shares[length - 1] = last;
    }

    internal static void TimeDecay(double[] shares, double[] daysBefore, int start, int length, double halfLifeDays)
    {
        // Weights are taken relative to the latest touch so that very old touches cannot underflow every weight to zero.
        var nearest = double.MaxValue;
        for (var i = 0; i < length; i++)
        {
            nearest = Math.Min(nearest, daysBefore[start + i]);
        }

        var total = 0.0;
        for (var i = 0; i < length; i++)
        {
            var w = Math.Pow(2, -(daysBefore[start + i] - nearest) / halfLifeDays);
            shares[i] = w;
            total += w;
        }

        for (var i = 0; i < length; i++)
        {
            shares[i] /= total;
        }
    }

    /// <summary>
    /// Milestone shapes. A milestone's touch is the earliest touch flagged with it; the first-touch milestone falls back to the
    /// journey's first touch. A missing milestone's share goes to the present milestones in proportion to their shares; the rest
    /// share is split evenly over the touches holding none of the shape's milestones, or, when there are none, also goes to the
    /// present milestones in proportion. A touch holding several milestones gets each of their shares.
    /// </summary>
    internal static void Milestones(double[] shares, CrmMilestones[] milestones, int start, int length, CrmMilestones[] shape, double[] shapeShares, double restShare)
    {
        Array.Clear(shares, 0, length);

        var present = 0.0;
        var missing = 0.0;
        Span4 positions = default;
        for (var m = 0; m < shape.Length; m++)
        {
            var position = -1;
            for (var i = 0; i < length; i++)
            {
                if ((milestones[start + i] & shape[m]) != 0)
                {
                    position = i;
                    break;
                }
            }

            if (position < 0 && shape[m] == CrmMilestones.FirstTouch)
            {
                position = 0;
            }

            positions[m] = position;
            if (position < 0)
            {
                missing += shapeShares[m];
            }
            else
            {
                present += shapeShares[m];
            }
        }

        var restCount = 0;
        for (var i = 0; i < length; i++)
        {
            if (!IsHolder(positions, shape.Length, i))
            {
                restCount++;
            }
        }

        if (restCount == 0)
        {
            missing += restShare;
        }

        var scale = (present + missing) / present;
        for (var m = 0; m < shape.Length; m++)
        {
            if (positions[m] >= 0)
            {
                shares[positions[m]] += shapeShares[m] * scale;
            }
        }

        if (restCount > 0)
        {
            var each = restShare / restCount;
            for (var i = 0; i < length; i++)
            {
                if (!IsHolder(positions, shape.Length, i))
                {
                    shares[i] += each;
                }
            }
        }
    }

    private static bool IsHolder(Span4 positions, int count, int index)
    {
        for (var m = 0; m < count; m++)
        {
            if (positions[m] == index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Four ints by value: the milestone positions of one journey, without allocating.</summary>
    private struct Span4
    {
        private int _a;
        private int _b;
        private int _c;
        private int _d;

        public int this[int i]
        {
            readonly get => i switch { 0 => _a, 1 => _b, 2 => _c, _ => _d };
            set
            {
                switch (i)
                {
                    case 0: _a = value; break;
                    case 1: _b = value; break;
                    case 2: _c = value; break;
                    default: _d = value; break;
                }
            }
        }
    }
}
