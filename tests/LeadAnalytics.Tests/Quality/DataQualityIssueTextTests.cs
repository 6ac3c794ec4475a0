using LeadAnalytics.Metrics;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Tests.Quality;

/// <summary>What a person reads about a row fault: the specific English message, or in Chinese the rule's sentence from the
/// shared vocabulary with the column, value and lead filled in.</summary>
public class DataQualityIssueTextTests
{
    [Fact]
    public void Every_rule_has_a_name_and_a_sentence_in_both_languages()
    {
        foreach (var rule in Enum.GetValues<DataQualityRule>())
        {
            Assert.Equal(rule.ToString(), DisplayText.Common.Get("rule." + rule, DisplayLanguage.English));
            Assert.NotEqual(rule.ToString(), DisplayText.Common.Get("rule." + rule, DisplayLanguage.Chinese));
            Assert.True(DisplayText.Common.Contains("issue." + rule), $"no sentence for {rule}");
            Assert.NotEqual(DisplayText.Common.Get("issue." + rule, DisplayLanguage.English), DisplayText.Common.Get("issue." + rule, DisplayLanguage.Chinese));
        }

        foreach (var field in Enum.GetValues<LeadField>())
        {
            Assert.True(DisplayText.Common.Contains("field." + field), $"no name for {field}");
        }
    }

    [Fact]
    public void English_is_the_specific_message()
    {
        var issue = new DataQualityIssue(DataQualityRule.InvalidDate, IssueSeverity.Error, "'tomorrow' is not a date.", "L7", LeadField.WonAt, "tomorrow", "leads.csv", 8, "won_at");
        Assert.Equal("'tomorrow' is not a date.", issue.Describe(DisplayLanguage.English));
    }

    [Fact]
    public void Chinese_names_the_column_as_written_the_value_and_the_lead()
    {
        var issue = new DataQualityIssue(DataQualityRule.InvalidDate, IssueSeverity.Error, "'tomorrow' is not a date.", "L7", LeadField.WonAt, "tomorrow", "leads.csv", 8, "成交时间");
        Assert.Equal("成交时间：'tomorrow' 不是可读取的日期（2023-10-01 14:30、2023/10/1 或 ISO 8601，年份 1970 至 2099）。", issue.Describe(DisplayLanguage.Chinese));

        var duplicate = new DataQualityIssue(DataQualityRule.DuplicateId, IssueSeverity.Error, "The id 'L7' is used by 2 leads.", "L7", LeadField.Id, "2");
        Assert.Equal("编号 'L7' 被多条线索使用。", duplicate.Describe(DisplayLanguage.Chinese));
    }

    [Fact]
    public void Chinese_falls_back_to_the_fields_name_and_says_when_a_value_is_empty()
    {
        // Found on objects, not in a file: no column, so the field's template name; no value.
        var issue = new DataQualityIssue(DataQualityRule.MissingRequiredField, IssueSeverity.Error, "The required field AcquiredAt is empty.", "L7", LeadField.AcquiredAt);
        Assert.Equal("必填字段 获取时间 为空。", issue.Describe(DisplayLanguage.Chinese));

        var number = new DataQualityIssue(DataQualityRule.InvalidNumber, IssueSeverity.Warning, "Not a number.");
        Assert.Equal("该字段：（空） 不是有效的数字。", number.Describe(DisplayLanguage.Chinese));
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_printed_not_expanded()
    {
        var issue = new DataQualityIssue(DataQualityRule.InvalidCurrency, IssueSeverity.Error, "'{lead}' is not an ISO 4217 currency code.", "L7", LeadField.Currency, "{lead}{column}", null, null, "币种");
        Assert.Equal("币种：'{lead}{column}' 不是 ISO 4217 币种代码。", issue.Describe(DisplayLanguage.Chinese));
    }
}
