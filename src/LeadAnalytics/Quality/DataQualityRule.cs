namespace LeadAnalytics.Quality;

/// <summary>
/// The identifier of every data-quality rule: the same identifiers name the issues of a CSV import and of a
/// <see cref="DataQualityResult"/>, so an import and a later check never disagree about what a fault is called.
/// </summary>
/// <remarks>The numeric values are stable (they appear in saved reports); new rules get new numbers.
/// docs/quality.md lists each rule with its default severity.</remarks>
public enum DataQualityRule
{
    /// <summary>A required field is missing (the id and the acquisition instant always; others by <see cref="DataQualityOptions.RequiredFields"/>). Error.</summary>
    MissingRequiredField = 1,

    /// <summary>Two or more leads share an id. Error.</summary>
    DuplicateId = 2,

    /// <summary>A stage time names a stage the pipeline does not have (<see cref="LeadRule.UnknownStage"/>). Error.</summary>
    UnknownStage = 3,

    /// <summary>A stage, won or lost instant precedes acquisition (<see cref="LeadRule.StageBeforeAcquisition"/>). Warning: real exports have these; the lead is kept and flagged.</summary>
    StageBeforeAcquisition = 4,

    /// <summary>Stage instants decrease along the pipeline (<see cref="LeadRule.StagesOutOfOrder"/>). Warning: the lead is kept and flagged.</summary>
    StagesOutOfOrder = 5,

    /// <summary>Both won and lost are set (<see cref="LeadRule.WonAndLost"/>). Error.</summary>
    WonAndLost = 6,

    /// <summary>The deal amount is negative (<see cref="LeadRule.NegativeDealAmount"/>). Error.</summary>
    NegativeDealAmount = 7,

    /// <summary>The acquisition cost is negative (<see cref="LeadRule.NegativeAcquisitionCost"/>). Error.</summary>
    NegativeAcquisitionCost = 8,

    /// <summary>A won lead has no deal amount, so revenue and ROAS undercount. Warning.</summary>
    WonWithoutDealAmount = 9,

    /// <summary>The recorded cycle days (转化时长) disagree with the timestamps by more than the tolerance. Warning.</summary>
    CycleDaysMismatch = 10,

    /// <summary>An amount is in a different currency from the lead's other amount or from the data set's currency. Error: engines
    /// never mix currencies without a converter.</summary>
    CurrencyMismatch = 11,

    /// <summary>An open lead with no activity for <see cref="Data.AnalysisScope.StaleAfter"/> of <see cref="DataQualityOptions.Scope"/> before the as-of instant (a "zombie" lead). Warning.</summary>
    StaleLead = 12,

    /// <summary>A date cell could not be read. Error for lead and cost dates (a wrong instant would change results).</summary>
    InvalidDate = 20,

    /// <summary>An amount cell could not be read. Error.</summary>
    InvalidAmount = 21,

    /// <summary>A number cell (cycle days, impressions, clicks, conversions) could not be read. Warning for cycle days (derived anyway), else error.</summary>
    InvalidNumber = 22,

    /// <summary>A currency cell is not an ISO 4217 code. Error.</summary>
    InvalidCurrency = 23,

    /// <summary>A cell holds a value outside its allowed set (a cost scope, a milestone, an empty path step). Error.</summary>
    InvalidValue = 24,

    /// <summary>A column header is not one the reader knows; its values are kept as attributes. Warning.</summary>
    UnknownColumn = 25,

    /// <summary>A column the reader needs is absent from the header. Error.</summary>
    MissingColumn = 26,

    /// <summary>Two headers name the same field; the first is used, the later one is kept as an attribute. Warning.</summary>
    DuplicateColumn = 27,

    /// <summary>A row has more cells than the header; the extra cells are reported, not read. Warning.</summary>
    ExtraFields = 28,

    /// <summary>A row's values together break a rule of the record type (for example a cost period that ends before it starts). Error.</summary>
    InvalidRecord = 29,

    /// <summary>Two labels of one dimension differ only by letter case (<c>SEO</c> and <c>seo</c>): they are grouped as two
    /// segments. Warning: fix the source or accept two segments.</summary>
    SimilarLabels = 30,
}

/// <summary>How serious an issue is.</summary>
public enum IssueSeverity
{
    /// <summary>The record is kept; the issue is worth a look.</summary>
    Warning = 1,

    /// <summary>The record is excluded from analysis (on import) or should be (in a report).</summary>
    Error = 2,
}
