namespace Tandem.Tests.Persistence;

/// <summary>A grain that only registers reminders, to exercise the reminder table.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, TimeSpan period);

    Task UnregisterAsync(string name);

    Task<string[]> ListAsync();
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, period, period);

    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<string[]> ListAsync() => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
