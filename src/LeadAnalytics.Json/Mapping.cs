using System.Globalization;
using System.Text.Json;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Json;

/// <summary>Domain objects to schema v1 contracts and back. Reading validates and names the JSON path of a fault.</summary>
internal static class Mapping
{
    public static List<TDto> Each<T, TDto>(IEnumerable<T> items, string name, Func<T, TDto> map)
        where T : class
    {
        Preconditions.CheckNotNull(items, name);

        var list = new List<TDto>();
        foreach (var item in items)
        {
            list.Add(map(Preconditions.CheckItemNotNull(item, name, "An item is null.")));
        }

        return list;
    }

    // Enum names in documents are camelCase: "stageBeforeAcquisition", "dealAmount", "firstTouch".
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s.Substring(1);
    }

    public static TEnum Parse<TEnum>(string? text, string path)
        where TEnum : struct, Enum
    {
        if (text is { Length: > 0 } && !char.IsDigit(text[0]) && text[0] != '-' && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
            && Enum.IsDefined(typeof(TEnum), value))
        {
            return value;
        }

        throw new JsonException($"{path}: '{text ?? "null"}' is not a {typeof(TEnum).Name} ({string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(n => char.ToLowerInvariant(n[0]) + n.Substring(1)))}).");
    }

    private static T Guard<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", ex);
        }
    }

    private static List<T> Required<T>(List<T>? list, string path) => list ?? throw new JsonException($"{path}: expected an array, found null.");

    public static MoneyDto? ToDto(Money? money) => money is { } m ? new MoneyDto { Amount = m.Amount, Currency = m.Currency.Code } : null;

    public static Money? FromDto(MoneyDto? dto, string path)
    {
        if (dto is null)
        {
            return null;
        }

        if (!Currency.TryFromCode(dto.Currency, out var currency))
        {
            throw new JsonException($"{path}.currency: '{dto.Currency ?? "null"}' is not an ISO 4217 code this library knows.");
        }

        return new Money(dto.Amount, currency);
    }

    public static PipelineDto ToDto(Pipeline pipeline) => new()
    {
        Name = pipeline.Name,
        Stages = pipeline.Stages.Select(s => new StageDto { Name = s.Name, DisplayName = s.DisplayName, EntryCriteria = s.EntryCriteria }).ToList(),
    };

    public static Pipeline FromDto(PipelineDto? dto, string path)
    {
        if (dto is null)
        {
            throw new JsonException($"{path}: expected a pipeline, found null.");
        }

        var stages = Required(dto.Stages, path + ".stages");
        var pipeline = Guard(path, () => new Pipeline(dto.Name!, stages.Select(s => new Stage(s.Name!, s.DisplayName, s.EntryCriteria))));
        var isDefault = pipeline.Name == Pipeline.Default.Name && pipeline.Count == Pipeline.Default.Count
            && pipeline.Stages.Select((s, i) => s.Name == Pipeline.Default.Stages[i].Name && s.DisplayName == Pipeline.Default.Stages[i].DisplayName
                && s.EntryCriteria == Pipeline.Default.Stages[i].EntryCriteria).All(x => x);
        return isDefault ? Pipeline.Default : pipeline;
    }

    public static LeadsDocument ToDocument(IEnumerable<Lead> leads)
    {
        var dtos = Each(leads, nameof(leads), ToDto);
        var pipelines = new List<Pipeline>();
        foreach (var lead in leads)
        {
            if (!pipelines.Contains(lead.Pipeline))
            {
                pipelines.Add(lead.Pipeline);
            }
        }

        return new LeadsDocument { SchemaVersion = LeadAnalyticsJson.SchemaVersion, Kind = LeadAnalyticsJson.LeadsKind, Pipelines = pipelines.Select(ToDto).ToList(), Leads = dtos };
    }

    private static LeadDto ToDto(Lead lead)
    {
        var stages = new List<StageTimeDto>();
        for (var i = 1; i < lead.Pipeline.WonIndex; i++)
        {
            if (lead.GetStageTime(i) is { } at)
            {
                stages.Add(new StageTimeDto { Stage = lead.Pipeline.Stages[i].Name, At = at });
            }
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in lead.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            attributes.Add(key, lead.Attributes[key]);
        }

        return new LeadDto
        {
            Id = lead.Id,
            Name = lead.Name,
            Channel = lead.Channel,
            Strategy = lead.Strategy,
            Content = lead.Content,
            AcquiredAt = lead.AcquiredAt,
            Owner = lead.Owner,
            CustomerType = lead.CustomerType,
            Industry = lead.Industry,
            Pipeline = lead.Pipeline.Name,
            Stages = stages,
            WonAt = lead.WonAt,
            LostAt = lead.LostAt,
            LossReason = lead.LossReason,
            DealAmount = ToDto(lead.DealAmount),
            AcquisitionCost = ToDto(lead.AcquisitionCost),
            Notes = lead.Notes,
            LastActivityAt = lead.LastActivityAt,
            Tags = lead.Tags.ToList(),
            FollowUps = lead.FollowUps.Select(f => new FollowUpDto { At = f.At, Kind = Name(f.Kind), Note = f.Note }).ToList(),
            Attributes = attributes,
            Outcome = Name(lead.Outcome),
            CycleDays = lead.CycleDays,
            HasChronologyFaults = lead.HasChronologyFaults,
        };
    }

    public static IReadOnlyList<Lead> FromDocument(LeadsDocument document)
    {
        var pipelines = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        var pipelineDtos = document.Pipelines ?? new List<PipelineDto>();
        for (var i = 0; i < pipelineDtos.Count; i++)
        {
            var p = FromDto(pipelineDtos[i], $"$.pipelines[{i}]");
            if (pipelines.ContainsKey(p.Name))
            {
                throw new JsonException($"$.pipelines[{i}]: the pipeline '{p.Name}' is defined twice.");
            }

            pipelines.Add(p.Name, p);
        }

        var leads = Required(document.Leads, "$.leads");
        var result = new List<Lead>(leads.Count);
        for (var i = 0; i < leads.Count; i++)
        {
            result.Add(FromDto(leads[i], pipelines, $"$.leads[{i}]"));
        }

        return result;
    }

    private static Lead FromDto(LeadDto? dto, Dictionary<string, Pipeline> pipelines, string path)
    {
        if (dto is null)
        {
            throw new JsonException($"{path}: expected a lead, found null.");
        }

        Pipeline pipeline;
        if (dto.Pipeline is null)
        {
            pipeline = Pipeline.Default;
        }
        else if (!pipelines.TryGetValue(dto.Pipeline, out pipeline!))
        {
            pipeline = dto.Pipeline == Pipeline.Default.Name ? Pipeline.Default
                : throw new JsonException($"{path}.pipeline: '{dto.Pipeline}' is not among the document's pipelines.");
        }

        var b = new LeadBuilder
        {
            Pipeline = pipeline,
            Id = dto.Id,
            Name = dto.Name,
            Channel = dto.Channel,
            Strategy = dto.Strategy,
            Content = dto.Content,
            AcquiredAt = dto.AcquiredAt,
            Owner = dto.Owner,
            CustomerType = dto.CustomerType,
            Industry = dto.Industry,
            WonAt = dto.WonAt,
            LostAt = dto.LostAt,
            LossReason = dto.LossReason,
            DealAmount = FromDto(dto.DealAmount, path + ".dealAmount"),
            AcquisitionCost = FromDto(dto.AcquisitionCost, path + ".acquisitionCost"),
            Notes = dto.Notes,
            LastActivityAt = dto.LastActivityAt,
        };
        var stages = dto.Stages ?? new List<StageTimeDto>();
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i] ?? throw new JsonException($"{path}.stages[{i}]: expected a stage time, found null.");
            Guard($"{path}.stages[{i}]", () => b.SetStageTime(s.Stage!, s.At));
        }

        foreach (var tag in dto.Tags ?? new List<string>())
        {
            b.Tags.Add(tag);
        }

        var followUps = dto.FollowUps ?? new List<FollowUpDto>();
        for (var i = 0; i < followUps.Count; i++)
        {
            var f = followUps[i] ?? throw new JsonException($"{path}.followUps[{i}]: expected a follow-up, found null.");
            b.FollowUps.Add(new FollowUp(f.At, Parse<FollowUpKind>(f.Kind, $"{path}.followUps[{i}].kind"), f.Note));
        }

        foreach (var pair in dto.Attributes ?? new Dictionary<string, string>())
        {
            b.Attributes[pair.Key] = pair.Value ?? throw new JsonException($"{path}.attributes.{pair.Key}: expected text, found null.");
        }

        return Guard(path, () => b.Build(LeadValidation.AllowChronologyFaults));
    }

    public static CostDto ToDto(CostEntry cost) => new()
    {
        Scope = Name(cost.Scope),
        Key = cost.Key,
        PeriodStart = cost.PeriodStart,
        PeriodEnd = cost.PeriodEnd,
        Amount = ToDto(cost.Amount),
        Impressions = cost.Impressions,
        Clicks = cost.Clicks,
    };

    public static IReadOnlyList<CostEntry> FromDto(CostsDocument document)
    {
        var costs = Required(document.Costs, "$.costs");
        var result = new List<CostEntry>(costs.Count);
        for (var i = 0; i < costs.Count; i++)
        {
            var path = $"$.costs[{i}]";
            var c = costs[i] ?? throw new JsonException($"{path}: expected a cost, found null.");
            var scope = Parse<CostScope>(c.Scope, path + ".scope");
            var amount = FromDto(c.Amount, path + ".amount") ?? throw new JsonException($"{path}.amount: expected an amount, found null.");
            result.Add(Guard(path, () => new CostEntry(scope, c.Key!, c.PeriodStart, c.PeriodEnd, amount, c.Impressions, c.Clicks)));
        }

        return result;
    }

    public static TouchpointDto ToDto(Touchpoint touchpoint)
    {
        var milestones = new List<string>();
        foreach (var flag in new[] { CrmMilestones.FirstTouch, CrmMilestones.LeadCreated, CrmMilestones.DealCreated, CrmMilestones.ClosedWon })
        {
            if ((touchpoint.Milestones & flag) == flag)
            {
                milestones.Add(Name(flag));
            }
        }

        return new TouchpointDto
        {
            JourneyId = touchpoint.JourneyId,
            OccurredAt = touchpoint.OccurredAt,
            Channel = touchpoint.Channel,
            Strategy = touchpoint.Strategy,
            Content = touchpoint.Content,
            Milestones = milestones,
        };
    }

    public static IReadOnlyList<Touchpoint> FromDto(TouchpointsDocument document)
    {
        var touchpoints = Required(document.Touchpoints, "$.touchpoints");
        var result = new List<Touchpoint>(touchpoints.Count);
        for (var i = 0; i < touchpoints.Count; i++)
        {
            var path = $"$.touchpoints[{i}]";
            var t = touchpoints[i] ?? throw new JsonException($"{path}: expected a touchpoint, found null.");
            var milestones = CrmMilestones.None;
            var names = t.Milestones ?? new List<string>();
            for (var k = 0; k < names.Count; k++)
            {
                milestones |= Parse<CrmMilestones>(names[k], $"{path}.milestones[{k}]");
            }

            result.Add(Guard(path, () => new Touchpoint(t.JourneyId!, t.OccurredAt, t.Channel!, t.Strategy, t.Content, milestones)));
        }

        return result;
    }

    public static DataQualityReportDocument ToDocument(DataQualityResult report) => new()
    {
        SchemaVersion = LeadAnalyticsJson.SchemaVersion,
        Kind = LeadAnalyticsJson.DataQualityReportKind,
        AsOf = report.AsOf,
        LeadCount = report.LeadCount,
        ErrorCount = report.ErrorCount,
        WarningCount = report.WarningCount,
        LeadsWithErrors = report.LeadsWithErrors,
        Inputs = report.Inputs.Count == 0 ? null : report.Inputs.Select(i => new QualityInputDto { File = i.File, Kind = i.Kind, RowsRead = i.RowsRead, RowsAccepted = i.RowsAccepted, RowsRejected = i.RowsRejected }).ToList(),
        RuleCounts = report.RuleCounts.Select(c => new RuleCountDto { Rule = Name(c.Rule), Errors = c.Errors, Warnings = c.Warnings }).ToList(),
        Issues = report.Issues.Select(i => new IssueDto
        {
            Rule = Name(i.Rule),
            Severity = Name(i.Severity),
            Message = i.Message,
            LeadId = i.LeadId,
            Field = i.Field is { } f ? Name(f) : null,
            Value = i.Value,
            File = i.File,
            Line = i.Line,
            Column = i.Column,
        }).ToList(),
        StaleLeadIds = report.StaleLeadIds.ToList(),
        AuditSample = report.AuditSample.ToList(),
        Options = new QualityOptionsDto
        {
            RequiredFields = report.Options.RequiredFields.Select(Name).ToList(),
            StaleAfterDays = report.Options.Scope.StaleAfter.TotalDays,
            AuditFraction = report.Options.AuditFraction,
            AuditSeed = report.Options.AuditSeed,
            CycleDaysTolerance = report.Options.CycleDaysTolerance,
            ExpectedCurrency = report.Options.ExpectedCurrency?.Code,
            Period = LimitedPeriod(report.Options.Scope.Period),
        },
    };

    /// <summary>An acquisition period for the documents that write one only when the analysis was limited to it (quality,
    /// attribution): null, and so nothing written, for all time.</summary>
    public static PeriodDto? LimitedPeriod(AcquisitionPeriod period) =>
        period.Equals(AcquisitionPeriod.AllTime) ? null : new PeriodDto { From = period.From, To = period.To };

    public static DataQualityResult FromDocument(DataQualityReportDocument d)
    {
        var o = d.Options ?? throw new JsonException("$.options: expected the report's options, found null.");
        Currency? expected = null;
        if (o.ExpectedCurrency is not null)
        {
            expected = Currency.TryFromCode(o.ExpectedCurrency, out var c) ? c
                : throw new JsonException($"$.options.expectedCurrency: '{o.ExpectedCurrency}' is not an ISO 4217 code this library knows.");
        }

        var required = Required(o.RequiredFields, "$.options.requiredFields");
        if (!(o.StaleAfterDays >= 0))
        {
            throw new JsonException($"$.options.staleAfterDays: {o.StaleAfterDays.ToString(CultureInfo.InvariantCulture)} is not a number of days (0 or more).");
        }

        var options = Guard("$.options", () => new DataQualityOptions
        {
            RequiredFields = required.Select((f, k) => Parse<LeadField>(f, $"$.options.requiredFields[{k}]")).ToList(),
            Scope = new AnalysisScope
            {
                StaleAfter = TimeSpan.FromDays(o.StaleAfterDays),
                Period = o.Period is { } p ? new AcquisitionPeriod(p.From, p.To) : AcquisitionPeriod.AllTime,
            },
            AuditFraction = o.AuditFraction,
            AuditSeed = o.AuditSeed,
            CycleDaysTolerance = o.CycleDaysTolerance,
            ExpectedCurrency = expected,
        });
        var issues = Required(d.Issues, "$.issues");
        var list = new List<DataQualityIssue>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            var path = $"$.issues[{i}]";
            var x = issues[i] ?? throw new JsonException($"{path}: expected an issue, found null.");
            LeadField? field = x.Field is null ? null : Parse<LeadField>(x.Field, path + ".field");
            var rule = Parse<DataQualityRule>(x.Rule, path + ".rule");
            var severity = Parse<IssueSeverity>(x.Severity, path + ".severity");
            list.Add(Guard(path, () => new DataQualityIssue(rule, severity, x.Message!, x.LeadId, field, x.Value, x.File, x.Line, x.Column)));
        }

        // "inputs" came in with schema v1's validate of every input file; older documents have none.
        var inputs = (d.Inputs ?? new List<QualityInputDto>()).Select((x, k) => x is null || x.File is null || x.Kind is null || x.RowsAccepted != x.RowsRead - x.RowsRejected
            ? throw new JsonException($"$.inputs[{k}]: expected a file, its kind and rows read = accepted + rejected.")
            : Guard($"$.inputs[{k}]", () => new DataQualityInput(x.File, x.Kind, x.RowsRead, x.RowsRejected))).ToList();
        var report = Guard("$", () => new DataQualityResult(d.AsOf, d.LeadCount, list, Required(d.StaleLeadIds, "$.staleLeadIds"), Required(d.AuditSample, "$.auditSample"), options, inputs));
        if (report.ErrorCount != d.ErrorCount || report.WarningCount != d.WarningCount || report.LeadsWithErrors != d.LeadsWithErrors)
        {
            throw new JsonException(string.Format(CultureInfo.InvariantCulture,
                "$: the counts ({0} errors, {1} warnings, {2} leads with errors) disagree with the issues ({3}, {4}, {5}).",
                d.ErrorCount, d.WarningCount, d.LeadsWithErrors, report.ErrorCount, report.WarningCount, report.LeadsWithErrors));
        }

        return report;
    }
}
