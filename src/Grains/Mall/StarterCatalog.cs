namespace MedPlatform.Mall;

/// <summary>
/// The medicines the catalog starts with: common, real products, classed as most European
/// pharmacies class them. Prescription-only medicines need a doctor's e-prescription; controlled
/// drugs are listed for information but never sold online. Prices in euro cents.
/// </summary>
public static class StarterCatalog
{
    public sealed record Entry(string Slug, NewProduct Product);

    private static Entry Otc(string slug, string name, string category, string form, string strength, long cents, int stock, string description, int? maxPerOrder = null) =>
        new(slug, new NewProduct(name, category, form, strength, description, cents, stock, RequiresPrescription: false, Controlled: false, maxPerOrder));

    private static Entry Rx(string slug, string name, string category, string form, string strength, long cents, int stock, string description) =>
        new(slug, new NewProduct(name, category, form, strength, description, cents, stock, RequiresPrescription: true, Controlled: false, MaxPerOrder: null));

    private static Entry Controlled(string slug, string name, string category, string form, string strength, long cents, string description) =>
        new(slug, new NewProduct(name, category, form, strength, description, cents, 0, RequiresPrescription: true, Controlled: true, MaxPerOrder: null));

    public static readonly IReadOnlyList<Entry> Entries =
    [
        // Pain & fever
        Otc("paracetamol-500", "Paracetamol", "pain-fever", "tablet", "500 mg, 16 tablets", 249, 400,
            "Relieves mild to moderate pain and reduces fever. Adults: 1–2 tablets every 4–6 hours, at most 8 in 24 hours.", maxPerOrder: 2),
        Otc("ibuprofen-200", "Ibuprofen", "pain-fever", "tablet", "200 mg, 24 tablets", 329, 300,
            "Anti-inflammatory pain relief for headache, toothache, period pain and fever. Take with food.", maxPerOrder: 2),
        Otc("ibuprofen-400", "Ibuprofen", "pain-fever", "tablet", "400 mg, 24 tablets", 449, 200,
            "Stronger anti-inflammatory pain relief. Not for people with stomach ulcers or severe asthma.", maxPerOrder: 2),
        Otc("aspirin-300", "Aspirin", "pain-fever", "dispersible tablet", "300 mg, 32 tablets", 299, 150,
            "Pain and fever relief for adults. Not for children under 16.", maxPerOrder: 2),
        Rx("naproxen-250", "Naproxen", "pain-fever", "tablet", "250 mg, 28 tablets", 699, 120,
            "Anti-inflammatory for joint and muscle pain, prescribed for arthritis and gout."),
        Controlled("codeine-30", "Codeine phosphate", "pain-fever", "tablet", "30 mg, 28 tablets", 599,
            "Opioid pain relief. A controlled drug: dispensed in person only, never sold online."),
        Controlled("co-codamol-30-500", "Co-codamol", "pain-fever", "tablet", "30 mg/500 mg, 30 tablets", 649,
            "Codeine with paracetamol. A controlled drug: dispensed in person only, never sold online."),
        Controlled("tramadol-50", "Tramadol", "pain-fever", "capsule", "50 mg, 30 capsules", 799,
            "Opioid pain relief. A controlled drug: dispensed in person only, never sold online."),

        // Allergy
        Otc("cetirizine-10", "Cetirizine", "allergy", "tablet", "10 mg, 30 tablets", 399, 300,
            "Non-drowsy antihistamine for hay fever, itchy skin and hives. One tablet a day."),
        Otc("loratadine-10", "Loratadine", "allergy", "tablet", "10 mg, 30 tablets", 379, 300,
            "Non-drowsy antihistamine for hay fever and allergic skin reactions. One tablet a day."),
        Otc("fexofenadine-120", "Fexofenadine", "allergy", "tablet", "120 mg, 30 tablets", 699, 150,
            "Antihistamine for seasonal allergic rhinitis."),
        Otc("chlorphenamine-4", "Chlorphenamine", "allergy", "tablet", "4 mg, 28 tablets", 299, 150,
            "Sedating antihistamine for allergies and itching. May cause drowsiness."),
        Otc("beclometasone-nasal-50", "Beclometasone nasal spray", "allergy", "nasal spray", "50 µg per spray, 100 sprays", 649, 120,
            "Steroid nasal spray that prevents and treats hay fever symptoms."),

        // Digestive
        Rx("omeprazole-20", "Omeprazole", "digestive", "capsule", "20 mg, 28 capsules", 499, 200,
            "Reduces stomach acid; prescribed for reflux disease and stomach ulcers."),
        Otc("loperamide-2", "Loperamide", "digestive", "capsule", "2 mg, 12 capsules", 349, 200,
            "Short-term relief of acute diarrhoea in adults.", maxPerOrder: 2),
        Otc("alginate-antacid", "Alginate antacid", "digestive", "oral suspension", "500 ml", 799, 100,
            "Relieves heartburn and indigestion by forming a protective layer over the stomach contents."),
        Otc("lactulose", "Lactulose", "digestive", "oral solution", "3.3 g/5 ml, 300 ml", 599, 100,
            "Gentle osmotic laxative for constipation."),
        Otc("mebeverine-135", "Mebeverine", "digestive", "tablet", "135 mg, 15 tablets", 699, 80,
            "Relieves cramps and bloating of irritable bowel syndrome."),

        // Heart & blood pressure
        Rx("amlodipine-5", "Amlodipine", "cardiovascular", "tablet", "5 mg, 28 tablets", 399, 250,
            "Calcium channel blocker for high blood pressure and angina."),
        Rx("atorvastatin-20", "Atorvastatin", "cardiovascular", "tablet", "20 mg, 28 tablets", 549, 250,
            "Statin that lowers cholesterol and the risk of heart attack and stroke."),
        Rx("ramipril-5", "Ramipril", "cardiovascular", "capsule", "5 mg, 28 capsules", 449, 200,
            "ACE inhibitor for high blood pressure and heart failure."),
        Rx("bisoprolol-5", "Bisoprolol", "cardiovascular", "tablet", "5 mg, 28 tablets", 399, 200,
            "Beta blocker for high blood pressure, angina and heart failure."),
        Rx("clopidogrel-75", "Clopidogrel", "cardiovascular", "tablet", "75 mg, 28 tablets", 699, 150,
            "Antiplatelet medicine that prevents blood clots after a heart attack or stroke."),

        // Diabetes
        Rx("metformin-500", "Metformin", "diabetes", "tablet", "500 mg, 56 tablets", 449, 300,
            "First-line treatment for type 2 diabetes. Take with meals."),
        Rx("gliclazide-80", "Gliclazide", "diabetes", "tablet", "80 mg, 28 tablets", 499, 150,
            "Sulfonylurea for type 2 diabetes. Can cause low blood sugar."),
        Rx("insulin-glargine-pen", "Insulin glargine", "diabetes", "pre-filled pen", "100 units/ml, 5 × 3 ml", 5499, 40,
            "Long-acting basal insulin, injected once a day. Keep unopened pens in the fridge."),

        // Antibiotics
        Rx("amoxicillin-500", "Amoxicillin", "antibiotics", "capsule", "500 mg, 21 capsules", 599, 200,
            "Penicillin antibiotic for chest, ear, throat and urinary infections. Finish the course."),
        Rx("doxycycline-100", "Doxycycline", "antibiotics", "capsule", "100 mg, 8 capsules", 699, 120,
            "Tetracycline antibiotic for chest and skin infections. Avoid strong sunlight."),
        Rx("clarithromycin-500", "Clarithromycin", "antibiotics", "tablet", "500 mg, 14 tablets", 899, 100,
            "Macrolide antibiotic for chest and throat infections, also for people allergic to penicillin."),
        Rx("nitrofurantoin-100", "Nitrofurantoin", "antibiotics", "capsule", "100 mg, 6 capsules", 799, 100,
            "Antibiotic for uncomplicated urinary tract infections."),

        // Cough, cold & breathing
        Rx("salbutamol-inhaler", "Salbutamol inhaler", "respiratory", "inhaler", "100 µg per dose, 200 doses", 699, 200,
            "Reliever inhaler that opens the airways in asthma and COPD."),
        Rx("beclometasone-inhaler-100", "Beclometasone inhaler", "respiratory", "inhaler", "100 µg per dose, 200 doses", 1299, 100,
            "Preventer inhaler that reduces airway inflammation in asthma."),
        Otc("pseudoephedrine-60", "Pseudoephedrine", "respiratory", "tablet", "60 mg, 12 tablets", 449, 80,
            "Decongestant for a blocked nose. Limited to one pack per order.", maxPerOrder: 1),
        Otc("dextromethorphan-syrup", "Dextromethorphan cough syrup", "respiratory", "syrup", "15 mg/5 ml, 100 ml", 549, 100,
            "Relieves a dry, tickly cough. Not for children under 12.", maxPerOrder: 2),

        // Skin
        Otc("hydrocortisone-1-cream", "Hydrocortisone cream", "skin", "cream", "1 %, 15 g", 449, 150,
            "Mild steroid cream for eczema, insect bites and contact dermatitis. Short-term use."),
        Otc("clotrimazole-1-cream", "Clotrimazole cream", "skin", "cream", "1 %, 20 g", 399, 150,
            "Antifungal cream for athlete's foot, ringworm and fungal nappy rash."),
        Otc("aciclovir-5-cream", "Aciclovir cream", "skin", "cream", "5 %, 2 g", 499, 120,
            "Antiviral cream for cold sores; start at the first tingle."),
        Otc("emollient-cream", "Emollient cream", "skin", "cream", "500 g", 899, 100,
            "Fragrance-free moisturiser for dry skin and eczema."),
        Otc("benzoyl-peroxide-5-gel", "Benzoyl peroxide gel", "skin", "gel", "5 %, 40 g", 699, 80,
            "Treats mild to moderate acne."),
        Rx("fusidic-acid-2-cream", "Fusidic acid cream", "skin", "cream", "2 %, 15 g", 799, 80,
            "Antibiotic cream for infected skin such as impetigo."),

        // Vitamins & supplements
        Otc("vitamin-d3-1000", "Vitamin D3", "vitamins", "tablet", "1000 IU, 90 tablets", 599, 300,
            "Daily supplement for bones and muscles, especially in winter."),
        Otc("folic-acid-400", "Folic acid", "vitamins", "tablet", "400 µg, 90 tablets", 349, 300,
            "Recommended before conception and during the first 12 weeks of pregnancy."),
        Otc("ferrous-sulfate-200", "Ferrous sulfate", "vitamins", "tablet", "200 mg, 28 tablets", 299, 150,
            "Iron supplement for iron-deficiency anaemia. May darken stools."),
        Otc("vitamin-b12-1000", "Vitamin B12", "vitamins", "tablet", "1000 µg, 60 tablets", 699, 120,
            "Supplement for people with low B12, including vegans."),
        Otc("multivitamin", "Multivitamin and minerals", "vitamins", "tablet", "30 tablets", 799, 200,
            "A daily multivitamin with minerals for adults."),

        // Mental health & sleep
        Rx("sertraline-50", "Sertraline", "mental-health", "tablet", "50 mg, 28 tablets", 599, 120,
            "SSRI antidepressant for depression and anxiety disorders."),
        Controlled("diazepam-5", "Diazepam", "mental-health", "tablet", "5 mg, 28 tablets", 499,
            "Benzodiazepine. A controlled drug: dispensed in person only, never sold online."),
    ];
}
