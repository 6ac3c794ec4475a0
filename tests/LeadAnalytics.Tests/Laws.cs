namespace LeadAnalytics.Tests;

/// <summary>Law checks applied to every value type (after NodaTime's TestHelper).</summary>
public static class Laws
{
    public static void CheckEquality<T>(T a, T b) where T : IEquatable<T>
    {
        Assert.True(a.Equals(a));
        Assert.Equal(a.Equals(b), b.Equals(a));
        Assert.Equal(a.Equals(b), a.Equals((object)b));
        Assert.False(a.Equals((object?)null));
        if (a.Equals(b))
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    public static void CheckEqualityAndOrdering<T>(T a, T b, T c) where T : IEquatable<T>, IComparable<T>
    {
        CheckEquality(a, b);
        Assert.Equal(0, a.CompareTo(a));
        Assert.Equal(Math.Sign(a.CompareTo(b)), -Math.Sign(b.CompareTo(a)));
        Assert.Equal(a.Equals(b), a.CompareTo(b) == 0);
        if (a.CompareTo(b) <= 0 && b.CompareTo(c) <= 0)
        {
            Assert.True(a.CompareTo(c) <= 0);
        }

        Assert.Equal(1, ((IComparable)a).CompareTo(null));
    }
}
