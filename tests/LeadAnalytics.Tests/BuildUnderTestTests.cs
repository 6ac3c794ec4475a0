using System.Reflection;
using System.Runtime.Versioning;

namespace LeadAnalytics.Tests;

public class BuildUnderTestTests
{
    [Fact]
    public void The_libraries_under_test_are_the_intended_target()
    {
        var framework = typeof(Lead).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
#if NETSTANDARD_BUILD_UNDER_TEST
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v10.0", framework);
#endif
    }
}
