namespace MedPlatform.TestSupport;

/// <summary>Questions made of everyday health words, so searches hit realistic numbers of threads.</summary>
public sealed class QuestionText(int seed)
{
    public static readonly string[] Departments =
        ["general-practice", "internal-medicine", "paediatrics", "gynaecology-obstetrics", "dermatology", "mental-health", "dentistry", "ear-nose-throat", "ophthalmology"];

    // Common words appear in many questions, rare ones in few: search cost depends on both.
    public static readonly string[] CommonWords =
        ["pain", "weeks", "doctor", "started", "since", "worse", "night", "morning", "tablets", "better", "days", "symptoms"];

    public static readonly string[] Words =
    [
        "headache", "fever", "cough", "rash", "itching", "swelling", "dizziness", "nausea", "fatigue", "insomnia", "anxiety",
        "toothache", "earache", "eczema", "psoriasis", "acne", "asthma", "allergy", "hayfever", "migraine", "backache",
        "cramps", "bloating", "heartburn", "constipation", "diarrhoea", "vomiting", "sore", "throat", "sinus", "blurred",
        "vision", "pregnancy", "period", "ovulation", "menopause", "toddler", "infant", "vaccination", "teething", "gums",
        "bleeding", "bruising", "joint", "knee", "ankle", "shoulder", "wrist", "tingling", "numbness", "palpitations",
        "breathless", "wheezing", "blood", "pressure", "cholesterol", "diabetes", "thyroid", "kidney", "liver", "infection",
        "antibiotics", "ibuprofen", "paracetamol", "cetirizine", "inhaler", "cream", "ointment", "drops", "spray", "dose",
    ];

    private readonly Random random = new(seed);

    public (string Title, string Body, string Department) Next()
    {
        var title = $"{Pick(CommonWords)} {Pick(Words)} and {Pick(Words)} for {random.Next(2, 12)} {Pick(CommonWords)}";
        var body = string.Join(' ', Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? Pick(CommonWords) : Pick(Words))) + ". What should I do?";
        return (char.ToUpperInvariant(title[0]) + title[1..], body, Pick(Departments));
    }

    private string Pick(string[] words) => words[random.Next(words.Length)];
}
