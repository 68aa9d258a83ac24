using FsCheck.NUnit;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

[assembly: AccuracyHarness.Tests.Shared.SeededProperties]

namespace AccuracyHarness.Tests.Shared;

/// <summary>
/// Starts every [Property] of the test assembly from <see cref="TestSeed"/> (FsCheck.NUnit reads assembly-level
/// Properties settings; a property's own Replay would still win), and adds the seed's <see cref="TestSeed.Hint"/>
/// to a failing property's message.
/// </summary>
public sealed class SeededPropertiesAttribute : PropertiesAttribute, ITestAction
{
    public SeededPropertiesAttribute()
    {
        // NUnit reads this attribute while it discovers the tests, where an exception hides every test of the
        // assembly without a word: an unreadable seed fails each property instead (BeforeTest).
        if (TestSeed.IsReadable) Replay = TestSeed.Replay;
    }

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
        if (IsProperty(test)) _ = TestSeed.Replay;
    }

    public void AfterTest(ITest test)
    {
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        if (result.ResultState.Status != TestStatus.Failed || !IsProperty(test) || !TestSeed.IsReadable) return;
        result.SetResult(result.ResultState, $"{result.Message}\n{TestSeed.Hint}", result.StackTrace);
    }

    private static bool IsProperty(ITest test) => test.Method?.IsDefined<FsCheck.NUnit.PropertyAttribute>(false) == true;
}
