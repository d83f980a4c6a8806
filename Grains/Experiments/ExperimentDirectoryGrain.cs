using Tandem.Contracts.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>The experiments' list (see <see cref="IExperimentDirectoryGrain"/>): a view is kept only when newer than the one known.</summary>
public sealed class ExperimentDirectoryGrain(
    [PersistentState("experiment-directory", StorageNames.Grains)] IPersistentState<ExperimentDirectoryState> state) : Grain, IExperimentDirectoryGrain
{
    private ExperimentDirectoryState S => state.State;

    public async Task AnnounceAsync(ExperimentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (S.Experiments.TryGetValue(view.Definition.Id, out var known) && known.Version >= view.Version)
        {
            return;
        }

        S.Experiments[view.Definition.Id] = view;
        S.Version++;
        await state.SaveAsync(this);
    }

    public Task<IReadOnlyList<ExperimentView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ExperimentView>>([.. S.Experiments.Values.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Definition.Id, StringComparer.Ordinal)]);

    public Task<RunningExperiments> RunningAsync() => Task.FromResult(new RunningExperiments
    {
        Experiments = [.. S.Experiments.Values.Where(v => v.Status == ExperimentStatus.Running).OrderBy(v => v.StartedAt)],
        Version = S.Version,
    });
}
