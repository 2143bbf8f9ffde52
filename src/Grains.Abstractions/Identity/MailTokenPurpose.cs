namespace MedPlatform.Identity;

/// <summary>What a link in a mail lets its holder do, once.</summary>
[GenerateSerializer, Alias("MedPlatform.MailTokenPurpose")]
public enum MailTokenPurpose
{
    ConfirmEmail = 1,
    ResetPassword = 2,
}
