namespace LeadAnalytics.Effectiveness;

// Finds the k smallest items without sorting them all: quickselect with a median-of-three pivot and Hoare partition,
// linear time on average. Equal items may land on either side of k, so callers use it only where equal items are
// interchangeable.
internal static class Selection
{
    // The k-th smallest (from 0) of the keys, which it reorders; quickselect on plain integers, no comparer.
    internal static ulong NthSmallest(ulong[] keys, int k)
    {
        int left = 0, right = keys.Length - 1;
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            if (keys[mid] < keys[left])
            {
                (keys[mid], keys[left]) = (keys[left], keys[mid]);
            }

            if (keys[right] < keys[left])
            {
                (keys[right], keys[left]) = (keys[left], keys[right]);
            }

            if (keys[right] < keys[mid])
            {
                (keys[right], keys[mid]) = (keys[mid], keys[right]);
            }

            var pivot = keys[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
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
                return keys[k];
            }
        }

        return keys[k];
    }

    // Afterwards items[left..k] hold the k - left + 1 smallest of items[left..right] (in no particular order).
    internal static void SelectSmallest<T>(T[] items, int left, int right, int k, Comparison<T> compare)
    {
        while (right > left)
        {
            var mid = left + ((right - left) / 2);
            if (compare(items[mid], items[left]) < 0)
            {
                (items[mid], items[left]) = (items[left], items[mid]);
            }

            if (compare(items[right], items[left]) < 0)
            {
                (items[right], items[left]) = (items[left], items[right]);
            }

            if (compare(items[right], items[mid]) < 0)
            {
                (items[right], items[mid]) = (items[mid], items[right]);
            }

            var pivot = items[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (compare(items[i], pivot) < 0)
                {
                    i++;
                }

                while (compare(items[j], pivot) > 0)
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
                return;
            }
        }
    }
}
