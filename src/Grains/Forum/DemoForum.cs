using MedPlatform.Common;
using MedPlatform.Identity;

namespace MedPlatform.Forum;

/// <summary>
/// A few realistic demo threads, asked, answered, endorsed and accepted through the Thread grains
/// by the demo accounts, so every rule applies to them as to real ones.
/// </summary>
public sealed class DemoForum(IGrainFactory grains)
{
    private sealed record DemoAnswer(string DoctorEmail, string Body, bool Accepted = false, string? EndorsedBy = null);

    private sealed record DemoThread(string AuthorEmail, string Department, string Title, string Body, bool Anonymous,
        IReadOnlyList<DemoAnswer> Answers, string? FollowUp = null);

    private static readonly DemoThread[] Threads =
    [
        new("alice@medplatform.test", "dentistry", "Sensitive teeth when I drink something cold",
            "For about a month two of my lower front teeth hurt for a few seconds when I drink cold water. "
            + "No pain otherwise and no swelling. I brush twice a day with a hard brush. Should I be worried?",
            Anonymous: false, Answers: []),
        new("bob@medplatform.test", "mental-health", "Trouble sleeping since starting a new job",
            "I started a demanding job six weeks ago. I fall asleep fine but wake around 3 am and can't get back to sleep, "
            + "most nights. I'm tired all day. I don't want to start on sleeping pills. What can I try?",
            Anonymous: true,
            Answers:
            [
                new("dr.chen@medplatform.test",
                    "Waking early with a racing mind is very common after a big change. Things that help most people: "
                    + "the same wake-up time every day (weekends too), no screens or work e-mail in the hour before bed, "
                    + "no caffeine after noon, and if you are awake for more than 20 minutes, get up and do something calm "
                    + "in dim light until you feel sleepy. Structured help (CBT for insomnia) works better than pills in the "
                    + "long run. If your mood is low most days, or this goes on beyond three months, please see your GP."),
            ]),
        new("alice@medplatform.test", "paediatrics", "How high a fever is too high for a 2-year-old?",
            "My daughter (2 years, 12 kg) has had a temperature of 38.6 °C since this afternoon. She is drinking and "
            + "playing a bit, but is clingy. When should I take her to a doctor?",
            Anonymous: false,
            Answers:
            [
                new("dr.chen@medplatform.test",
                    "A fever is a temperature of 38 °C or more; at 38.6 °C a child who drinks and plays is usually fighting an "
                    + "ordinary infection. Keep her drinking, dress her lightly, and if she is uncomfortable give paracetamol or "
                    + "ibuprofen in the dose for her weight on the pack. Seek urgent care if she becomes floppy or hard to wake, "
                    + "has a rash that does not fade under a pressed glass, struggles to breathe, has far fewer wet nappies, has a "
                    + "fit, or if the fever lasts more than five days.",
                    Accepted: true, EndorsedBy: "dr.okafor@medplatform.test"),
            ]),
        new("bob@medplatform.test", "dermatology", "Itchy red patches on both elbows that come and go",
            "I have dry, itchy, slightly raised red patches on the outside of both elbows. They get worse in winter and "
            + "better in summer. Moisturiser helps a little. What could it be?",
            Anonymous: true,
            Answers:
            [
                new("dr.okafor@medplatform.test",
                    "Patches on the outer elbows that flare in winter fit eczema or mild psoriasis; psoriasis plaques often have "
                    + "silvery scale. Use a thick fragrance-free emollient twice a day and after washing, and avoid hot showers. "
                    + "A doctor can tell the two apart by looking, and can prescribe a steroid or vitamin D cream if needed: "
                    + "please have it examined, and sooner if the patches crack, weep or spread.",
                    EndorsedBy: "dr.chen@medplatform.test"),
            ]),
        new("alice@medplatform.test", "general-practice", "Dry cough for three weeks after a cold",
            "I had a cold three weeks ago. Everything cleared up except a dry, tickly cough, worse at night. No fever, "
            + "I don't smoke, and I'm not short of breath. Is this normal, and does cough syrup help?",
            Anonymous: false,
            Answers:
            [
                new("dr.chen@medplatform.test",
                    "A cough that lingers after a cold is common and can last three to eight weeks while the airways settle. "
                    + "Warm drinks with honey, staying well hydrated and raising your head at night help; most cough syrups make "
                    + "little difference. See a doctor if it goes beyond eight weeks, or straight away if you cough up blood, "
                    + "become breathless, get a fever or chest pain, or lose weight without trying.",
                    Accepted: true, EndorsedBy: "dr.okafor@medplatform.test"),
            ],
            FollowUp: "Thank you. Is it safe to keep taking honey and lemon every night for a few weeks?"),
    ];

    public async Task SeedAsync()
    {
        foreach (var demo in Threads)
        {
            var author = await DemoCaller(demo.AuthorEmail);
            if (author is null)
                continue;
            var thread = grains.GetGrain<IThreadGrain>(ThreadIds.New());
            await thread.Ask(author, new NewQuestion(demo.Title, demo.Body, demo.Department, demo.Anonymous));
            foreach (var answer in demo.Answers)
            {
                if (await DemoCaller(answer.DoctorEmail) is not { } doctor)
                    continue;
                var posted = await thread.Answer(doctor, answer.Body);
                if (answer.EndorsedBy is not null && await DemoCaller(answer.EndorsedBy) is { } endorser)
                    await thread.Endorse(endorser, posted.Id);
                if (answer.Accepted)
                    await thread.Accept(author, posted.Id);
            }
            if (demo.FollowUp is not null)
                await thread.FollowUp(author, demo.FollowUp);
        }
    }

    private Task<Caller?> DemoCaller(string email) => DemoAccounts.CallerAsync(grains, email);
}
