using System.Globalization;

namespace CrmEmbedding;

/// <summary>What the scenario implies, checked against what the library answered. Any mismatch makes the sample exit
/// non-zero, so CI catches a change in the engines' meaning as well as a broken build.</summary>
internal static class Checks
{
    private static int s_failed;
    private static int s_passed;

    public static int Failed => s_failed;

    public static int Passed => s_passed;

    public static void Equal<T>(string what, T expected, T actual)
    {
        if (EqualityComparer<T>.Default.Equals(expected, actual))
        {
            s_passed++;
            return;
        }

        s_failed++;
        Console.WriteLine($"CHECK FAILED: {what}: expected {Show(expected)}, got {Show(actual)}");
    }

    public static void Sequence<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual) =>
        Equal(what, string.Join(", ", expected.Select(Show)), string.Join(", ", actual.Select(Show)));

    /// <summary>Doubles to 1e-9: the scenario's values are simple fractions.</summary>
    public static void Near(string what, double expected, double? actual)
    {
        if (actual is { } a && Math.Abs(a - expected) <= 1e-9)
        {
            s_passed++;
            return;
        }

        s_failed++;
        Console.WriteLine($"CHECK FAILED: {what}: expected {Show(expected)}, got {Show(actual)}");
    }

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
