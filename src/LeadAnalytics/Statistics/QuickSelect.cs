using System.Runtime.CompilerServices;

namespace LeadAnalytics.Statistics;

/// <summary>An order for <see cref="QuickSelect"/>; a struct implementation lets the JIT specialise and inline the comparison.</summary>
internal interface ISelectionOrder<in T>
{
    bool Less(T a, T b);
}

/// <summary>
/// Hoare's selection (quickselect with a median-of-three pivot and Hoare partition), linear time on average: afterwards
/// <c>items[k]</c> holds the k-th smallest of <c>items[left..right]</c>, smaller-or-equal items before it and
/// larger-or-equal ones after it. Equal items may land on either side of k, so callers use it only where equal items are
/// interchangeable (numbers; strings under an ordinal order). One implementation for quantiles, cost remainders and
/// listed ids.
/// </summary>
internal static class QuickSelect
{
    internal static void Select<T, TOrder>(T[] items, int left, int right, int k, TOrder order)
        where TOrder : struct, ISelectionOrder<T>
    {
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            if (order.Less(items[mid], items[left]))
            {
                (items[mid], items[left]) = (items[left], items[mid]);
            }

            if (order.Less(items[right], items[left]))
            {
                (items[right], items[left]) = (items[left], items[right]);
            }

            if (order.Less(items[right], items[mid]))
            {
                (items[right], items[mid]) = (items[mid], items[right]);
            }

            var pivot = items[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (order.Less(items[i], pivot))
                {
                    i++;
                }

                while (order.Less(pivot, items[j]))
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return; // j < k < i: items[k] equals the pivot and is in place
            }
        }
    }

    internal readonly struct DoubleOrder : ISelectionOrder<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Less(double a, double b) => a < b;
    }

    internal readonly struct UInt64Order : ISelectionOrder<ulong>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Less(ulong a, ulong b) => a < b;
    }

    internal readonly struct ComparisonOrder<T> : ISelectionOrder<T>
    {
        private readonly Comparison<T> _compare;

        internal ComparisonOrder(Comparison<T> compare) => _compare = compare;

        public bool Less(T a, T b) => _compare(a, b) < 0;
    }
}
