namespace MedPlatform.Identity;

/// <summary>What a link in a mail lets its holder do, once.</summary>
[GenerateSerializer, Alias("MedPlatform.MailTokenPurpose")]
public enum MailTokenPurpose
{
    ConfirmEmail = 1,
    ResetPassword = 2,
    /// <summary>Stops one kind of notification mail (the kind is the link's scope). Not spent on use.</summary>
    Unsubscribe = 3,
}
