using MedPlatform.Common;
using MedPlatform.Hosting;

namespace MedPlatform.Identity;

[GenerateSerializer, Alias("MedPlatform.EmailIndexState")]
public sealed class EmailIndexState
{
    [Id(0)] public string? UserId { get; set; }
}

public sealed class EmailIndexGrain(
    [PersistentState("email", StorageNames.Identity)] IPersistentState<EmailIndexState> state) : Grain, IEmailIndexGrain
{
    public Task<string?> Find() => Task.FromResult(state.State.UserId);

    public Task SendResetLink() =>
        state.State.UserId is { } userId ? GrainFactory.GetGrain<IUserGrain>(userId).RequestPasswordReset() : Task.CompletedTask;

    public async Task<UserView> Register(NewAccount account)
    {
        if (AccountRules.EmailKey(account.Email) != this.GetPrimaryKeyString())
            throw new ArgumentException("The account's email does not belong to this index entry.", nameof(account));

        if (state.State.UserId is { } existing)
        {
            if (await GrainFactory.GetGrain<IUserGrain>(existing).Find() is not null)
                throw DomainException.Conflict("An account with this email address already exists.");
            // A reservation whose account was never created (the silo stopped in between): reuse it.
        }
        else
        {
            // Reserve the address before the account exists, so a crash in between leaves a
            // reservation to reuse rather than an account nobody can find by email.
            state.State.UserId = UserIds.New();
            await state.WriteStateAsync();
        }

        return await GrainFactory.GetGrain<IUserGrain>(state.State.UserId).Create(account);
    }
}
