namespace LeadAnalytics;

/// <summary>
/// The ordered stages a lead moves through. The first stage is acquisition and the last is won;
/// lost is terminal and can follow any open stage, so it is not one of <see cref="Stages"/>.
/// </summary>
/// <remarks>
/// <para>The template's default is <see cref="Default"/>: Acquired, Contacted, NeedsConfirmed, ProposalSent,
/// Negotiation, Won. Custom pipelines may name other stages; they need at least two (acquired and won)
/// and at most 64, with unique names.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class Pipeline
{
    /// <summary>The maximum number of stages a pipeline may have.</summary>
    public const int MaxStages = 64;

    private readonly Stage[] _stages;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a pipeline from its stages in order.</summary>
    /// <param name="name">A name for the pipeline, for example <c>B2B</c>.</param>
    /// <param name="stages">From acquisition (first) to won (last).</param>
    /// <exception cref="ArgumentException">Fewer than two stages, more than <see cref="MaxStages"/>, or a name repeats.</exception>
    public Pipeline(string name, IEnumerable<Stage> stages)
    {
        Name = Preconditions.CheckNotBlank(name, nameof(name));
        _stages = Preconditions.CheckNotNull(stages, nameof(stages)).ToArray();
        Preconditions.CheckArgument(_stages.Length >= 2, nameof(stages), "A pipeline needs at least an acquisition stage and a won stage.");
        Preconditions.CheckArgument(_stages.Length <= MaxStages, nameof(stages), $"A pipeline has at most {MaxStages} stages.");
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _stages.Length; i++)
        {
            var stage = _stages[i] ?? throw new ArgumentException("A stage is null.", nameof(stages));
            Preconditions.CheckArgument(!_index.ContainsKey(stage.Name), nameof(stages), $"Stage name '{stage.Name}' appears twice.");

            _index.Add(stage.Name, i);
        }
    }

    /// <summary>Stage name of the template's acquisition stage.</summary>
    public const string Acquired = "Acquired";

    /// <summary>Stage name of the template's first-contact stage.</summary>
    public const string Contacted = "Contacted";

    /// <summary>Stage name of the template's needs-confirmed (needs discovery) stage.</summary>
    public const string NeedsConfirmed = "NeedsConfirmed";

    /// <summary>Stage name of the template's proposal stage.</summary>
    public const string ProposalSent = "ProposalSent";

    /// <summary>Stage name of the template's negotiation stage.</summary>
    public const string Negotiation = "Negotiation";

    /// <summary>Stage name of the template's won stage.</summary>
    public const string Won = "Won";

    /// <summary>The name used for the terminal lost state in reports.</summary>
    public const string Lost = "Lost";

    /// <summary>The template's B2B pipeline, with its entry criteria (DIGEST section 2, step 2).</summary>
    public static Pipeline Default { get; } = new(
        "Default",
        new[]
        {
            new Stage(Acquired, "Acquired", "Lead captured: form, call or business card (获取线索)."),
            new Stage(Contacted, "Contacted", "First contact made and the customer showed interest (初次接触)."),
            new Stage(NeedsConfirmed, "Needs confirmed", "Pain, budget and decision process confirmed (需求确认)."),
            new Stage(ProposalSent, "Proposal sent", "A tailored solution was sent (方案提交)."),
            new Stage(Negotiation, "Negotiation", "Price, delivery and terms under negotiation (商务谈判)."),
            new Stage(Won, "Won", "Contract signed or deposit paid (成交)."),
        });

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>The stages in order: acquisition first, won last.</summary>
    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>The number of stages.</summary>
    public int Count => _stages.Length;

    /// <summary>Index of the won stage (the last).</summary>
    public int WonIndex => _stages.Length - 1;

    /// <summary>The acquisition stage (the first).</summary>
    public Stage AcquisitionStage => _stages[0];

    /// <summary>The won stage (the last).</summary>
    public Stage WonStage => _stages[_stages.Length - 1];

    /// <summary>Finds a stage's position.</summary>
    /// <param name="stageName">The stage name (ordinal).</param>
    /// <returns>The index, or -1 when the pipeline has no such stage.</returns>
    public int IndexOf(string stageName) =>
        stageName is not null && _index.TryGetValue(stageName, out var i) ? i : -1;

    /// <summary>Whether the pipeline has a stage of that name.</summary>
    /// <param name="stageName">The stage name (ordinal).</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Contains(string stageName) => IndexOf(stageName) >= 0;

    /// <summary>Returns the pipeline's name and stages.</summary>
    /// <returns>For example <c>Default: Acquired &gt; Contacted &gt; ... &gt; Won</c>.</returns>
    public override string ToString() => Name + ": " + string.Join(" > ", _stages.Select(s => s.Name));
}
