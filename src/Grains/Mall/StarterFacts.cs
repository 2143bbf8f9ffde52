namespace MedPlatform.Mall;

/// <summary>
/// The facts shown and searched for each starter medicine in <see cref="StarterCatalog"/>, keyed by its slug:
/// active ingredients, well-known brand names, what it is for in plain words, and a short leaflet. The facts
/// are taken from the products' official patient information leaflets and SmPCs and from the BNF, and written
/// in our own words; they summarise and do not replace the leaflet in the pack. Last reviewed: 2026-12-01.
/// </summary>
public static class StarterFacts
{
    public static readonly IReadOnlyDictionary<string, ProductFacts> BySlug = new Dictionary<string, ProductFacts>
    {
        // Pain & fever
        ["paracetamol-500"] = new(
            ActiveIngredients: ["paracetamol"],
            BrandNames: ["Panadol", "Calpol", "Tylenol", "Doliprane"],
            Indications: ["headache", "toothache", "period pain", "back pain", "muscle aches", "fever", "cold and flu aches"],
            Leaflet: new(
                "Eases mild to moderate pain such as headache, toothache and period pain, and brings down a high temperature.",
                "Adults and children 16 and over: 1–2 tablets every 4–6 hours when needed, no more than 8 tablets (4 g) in 24 hours. " +
                "Children 10–15: 1 tablet every 4–6 hours, no more than 4 in 24 hours.",
                "Do not take it with any other medicine that contains paracetamol, including cold and flu remedies. " +
                "An overdose can badly damage the liver even if you feel well: get medical help at once. " +
                "Ask a pharmacist first if you have liver or kidney problems, drink a lot of alcohol or weigh under 50 kg. " +
                "See a doctor if the pain or fever lasts more than 3 days.")),

        ["ibuprofen-200"] = new(
            ActiveIngredients: ["ibuprofen"],
            BrandNames: ["Nurofen", "Advil", "Brufen", "Motrin"],
            Indications: ["headache", "toothache", "period pain", "back pain", "muscle aches", "fever", "cold and flu aches", "migraine"],
            Leaflet: new(
                "An anti-inflammatory painkiller (NSAID) for headache, migraine, toothache, period pain, back and muscle pain, and fever.",
                "Adults and children 12 and over: 1–2 tablets (200–400 mg) with or after food, up to three times a day, at least 4 hours apart; " +
                "no more than 6 tablets (1,200 mg) in 24 hours. Do not use for more than 10 days (3 days for ages 12–17) without advice.",
                "Do not take it if you have or have had a stomach ulcer or bleeding, have severe heart, kidney or liver failure, " +
                "have reacted badly to aspirin or another NSAID, or are in the last 3 months of pregnancy. " +
                "Do not combine it with other NSAIDs or aspirin. Ask first if you have asthma, high blood pressure or heart disease, " +
                "or take blood thinners, steroids or blood pressure medicines.")),

        ["ibuprofen-400"] = new(
            ActiveIngredients: ["ibuprofen"],
            BrandNames: ["Nurofen", "Advil", "Brufen", "Motrin"],
            Indications: ["headache", "toothache", "period pain", "back pain", "muscle aches", "joint pain", "fever", "migraine"],
            Leaflet: new(
                "A stronger dose of the anti-inflammatory painkiller ibuprofen, for headache, migraine, dental, period, back, muscle and joint pain, and fever.",
                "Adults and children 12 and over: 1 tablet (400 mg) with or after food, up to three times a day, at least 4 hours apart; " +
                "no more than 3 tablets (1,200 mg) in 24 hours unless a doctor advises otherwise. Use the lowest dose for the shortest time.",
                "Not for people who have or have had a stomach ulcer or bleeding, have severe heart, kidney or liver failure, " +
                "have had asthma or an allergic reaction set off by aspirin or another NSAID, or are in the last 3 months of pregnancy. " +
                "Do not combine it with other NSAIDs or aspirin. Ask first if you take blood thinners, steroids, lithium or blood pressure medicines.")),

        ["aspirin-300"] = new(
            ActiveIngredients: ["acetylsalicylic acid"],
            BrandNames: ["Disprin", "Aspro", "Bayer Aspirin"],
            Indications: ["headache", "toothache", "period pain", "muscle aches", "sore throat", "fever", "cold and flu aches"],
            Leaflet: new(
                "Eases mild to moderate pain such as headache, toothache, period pain and aches from colds and flu, and lowers a fever.",
                "Adults and children 16 and over: 1–3 tablets dissolved in water every 4–6 hours when needed, preferably after food; " +
                "no more than 13 tablets (3.9 g) in 24 hours.",
                "Never give it to children under 16: it can cause Reye's syndrome. " +
                "Do not take it if you have or have had a stomach ulcer, have a bleeding disorder or gout, are allergic to aspirin or other NSAIDs, " +
                "or are in the last 3 months of pregnancy or breastfeeding. " +
                "Do not combine it with blood thinners such as warfarin or with other NSAIDs. See a doctor if pain lasts more than 3 days.")),

        ["naproxen-250"] = new(
            ActiveIngredients: ["naproxen"],
            BrandNames: ["Naprosyn", "Aleve", "Feminax Ultra"],
            Indications: ["arthritis", "joint pain", "gout", "muscle pain", "back pain", "period pain", "sprains"],
            Leaflet: new(
                "A prescription anti-inflammatory (NSAID) that relieves pain, swelling and stiffness in arthritis, gout attacks, " +
                "muscle and joint injuries and period pain.",
                "As prescribed; usually 500 mg to 1 g a day in one or two doses for arthritis, or 750 mg at first and then 250 mg every 8 hours " +
                "until a gout attack passes. Take with or after food.",
                "Not for people with a stomach ulcer or bleeding (now or in the past), severe heart, kidney or liver failure, " +
                "asthma or allergy set off by aspirin or other NSAIDs, or in the last 3 months of pregnancy. " +
                "Do not take other NSAIDs or aspirin with it; take care with blood thinners, steroids, lithium, methotrexate and blood pressure medicines. " +
                "Stop and see a doctor if you have black or bloody stools or vomit blood.")),

        ["codeine-30"] = new(
            ActiveIngredients: ["codeine phosphate"],
            BrandNames: [],
            Indications: ["pain", "moderate pain", "acute pain", "toothache", "pain after surgery"],
            Leaflet: new(
                "An opioid painkiller for short-term, moderate pain that ordinary painkillers such as paracetamol or ibuprofen have not relieved.",
                "As prescribed; usually 30–60 mg every 4 hours when needed, no more than 240 mg in 24 hours, normally for no more than 3 days.",
                "A controlled drug: dispensed in person only, never sold online. It can be addictive; do not take it for longer than prescribed. " +
                "Not for children under 12, under-18s after removal of tonsils or adenoids for sleep apnoea, people known to be fast codeine metabolisers, " +
                "or while breastfeeding. It causes drowsiness and constipation; do not drink alcohol or take sleeping pills or other opioids with it.")),

        ["co-codamol-30-500"] = new(
            ActiveIngredients: ["codeine phosphate", "paracetamol"],
            BrandNames: ["Solpadol", "Tylex", "Kapake", "Zapain"],
            Indications: ["pain", "moderate pain", "severe pain", "back pain", "toothache", "pain after surgery"],
            Leaflet: new(
                "Codeine and paracetamol combined, for short-term relief of moderate to severe pain when other painkillers have not worked.",
                "As prescribed; usually 1–2 tablets every 4–6 hours when needed, no more than 8 tablets in 24 hours.",
                "A controlled drug: dispensed in person only, never sold online. It contains paracetamol, so do not take any other paracetamol product with it. " +
                "It can be addictive; not for children under 12 or while breastfeeding. " +
                "It causes drowsiness and constipation: do not drive if affected, and avoid alcohol, sleeping pills and other opioids.")),

        ["tramadol-50"] = new(
            ActiveIngredients: ["tramadol"],
            BrandNames: ["Zydol", "Ultram", "Tramal"],
            Indications: ["pain", "moderate pain", "severe pain", "back pain", "pain after surgery"],
            Leaflet: new(
                "An opioid painkiller for moderate to severe pain.",
                "As prescribed; usually 50–100 mg not more often than every 4–6 hours, no more than 400 mg in 24 hours.",
                "A controlled drug: dispensed in person only, never sold online. It can be addictive; do not stop suddenly after long use. " +
                "It can cause fits, so tell your doctor if you have epilepsy. Taken with antidepressants such as sertraline it can cause serotonin syndrome; " +
                "never take it with MAOIs. It causes drowsiness: avoid alcohol, sleeping pills and other opioids, and do not drive if affected.")),

        // Allergy
        ["cetirizine-10"] = new(
            ActiveIngredients: ["cetirizine"],
            BrandNames: ["Zirtek", "Zyrtec", "Reactine", "Piriteze"],
            Indications: ["allergy", "hay fever", "sneezing", "runny nose", "itchy eyes", "hives", "itchy skin", "dust allergy"],
            Leaflet: new(
                "An antihistamine that relieves hay fever and other allergies (sneezing, runny nose, itchy watery eyes) and itchy rashes such as hives.",
                "Adults and children 12 and over: 1 tablet (10 mg) once a day.",
                "It seldom causes drowsiness, but some people feel sleepy: do not drive if affected and go easy on alcohol. " +
                "People with kidney problems may need a lower dose. Ask first if you are pregnant or breastfeeding, or have epilepsy or trouble passing urine. " +
                "Stop it 3 days before an allergy skin test.")),

        ["loratadine-10"] = new(
            ActiveIngredients: ["loratadine"],
            BrandNames: ["Clarityn", "Claritin"],
            Indications: ["allergy", "hay fever", "sneezing", "runny nose", "itchy eyes", "hives", "itchy skin"],
            Leaflet: new(
                "A non-drowsy antihistamine for hay fever and other allergies and for itchy rashes such as hives.",
                "Adults and children 12 and over: 1 tablet (10 mg) once a day.",
                "Ask a doctor first if you have severe liver disease (a lower dose may be needed) or are pregnant or breastfeeding. " +
                "Drowsiness is rare, but do not drive if affected. Stop it 2 days before an allergy skin test.")),

        ["fexofenadine-120"] = new(
            ActiveIngredients: ["fexofenadine"],
            BrandNames: ["Telfast", "Allegra"],
            Indications: ["allergy", "hay fever", "sneezing", "runny nose", "itchy eyes", "blocked nose"],
            Leaflet: new(
                "A non-drowsy antihistamine for the symptoms of hay fever (seasonal allergic rhinitis): sneezing, runny or itchy nose and itchy, red, watery eyes.",
                "Adults and children 12 and over: 1 tablet (120 mg) once a day, swallowed with water, ideally before a meal.",
                "Leave 2 hours between it and indigestion remedies containing aluminium or magnesium, and take it with water rather than fruit juice, " +
                "which lowers how much is absorbed. Ask first if you are elderly, pregnant or breastfeeding, or have heart, liver or kidney problems.")),

        ["chlorphenamine-4"] = new(
            ActiveIngredients: ["chlorphenamine"],
            BrandNames: ["Piriton", "Chlor-Trimeton"],
            Indications: ["allergy", "hay fever", "hives", "itching", "itchy skin", "insect bites", "food allergy", "runny nose"],
            Leaflet: new(
                "A sedating antihistamine for hay fever, allergic reactions to food or insect bites, hives and itchy skin.",
                "Adults and children 12 and over: 1 tablet (4 mg) every 4–6 hours, no more than 6 tablets (24 mg) in 24 hours.",
                "It often makes people drowsy: do not drive or use machines if affected, and avoid alcohol. " +
                "Do not take it if you have taken an MAOI antidepressant in the last 14 days. " +
                "Ask first if you have epilepsy, glaucoma, an enlarged prostate or trouble passing urine, asthma or liver disease, or are pregnant or breastfeeding.")),

        ["beclometasone-nasal-50"] = new(
            ActiveIngredients: ["beclometasone dipropionate"],
            BrandNames: ["Beconase"],
            Indications: ["hay fever", "allergy", "blocked nose", "runny nose", "sneezing", "allergic rhinitis"],
            Leaflet: new(
                "A steroid nasal spray that prevents and treats the nose symptoms of hay fever and other allergies (blocked, runny or itchy nose, sneezing).",
                "Adults 18 and over: 2 sprays into each nostril twice a day (no more than 8 sprays a day), dropping to 1 spray each side twice a day " +
                "once symptoms are controlled. Use it regularly: it takes a few days to work fully.",
                "Do not use it if you have an untreated infection in the nose or have recently had nose surgery or injury. " +
                "Ask a doctor if you use other steroids, have had TB, or need it for more than 3 months. " +
                "See a doctor if your vision becomes blurred or the symptoms do not improve within 7 days.")),

        // Digestive
        ["omeprazole-20"] = new(
            ActiveIngredients: ["omeprazole"],
            BrandNames: ["Losec", "Prilosec"],
            Indications: ["heartburn", "acid reflux", "indigestion", "gord", "stomach ulcer", "duodenal ulcer"],
            Leaflet: new(
                "A proton pump inhibitor that lowers stomach acid, prescribed for reflux disease (GORD), stomach and duodenal ulcers and, " +
                "with antibiotics, H. pylori infection.",
                "As prescribed; usually 20 mg once a day before breakfast, swallowed whole, often for 4–8 weeks.",
                "It weakens the effect of clopidogrel and interacts with some HIV medicines, methotrexate and others: tell your doctor what you take. " +
                "See a doctor at once if you have trouble swallowing, lose weight without trying, vomit blood or pass black stools. " +
                "Long-term use can lower magnesium and vitamin B12 and slightly raise the risk of fractures and gut infections.")),

        ["loperamide-2"] = new(
            ActiveIngredients: ["loperamide"],
            BrandNames: ["Imodium"],
            Indications: ["diarrhoea", "diarrhea", "upset stomach", "traveller's diarrhoea", "loose stools"],
            Leaflet: new(
                "Slows the gut to relieve sudden (acute) diarrhoea in adults.",
                "Adults and children 12 and over: 2 capsules at first, then 1 capsule after each loose stool; no more than 6 capsules in 24 hours. " +
                "Stop after 48 hours and see a doctor if the diarrhoea goes on.",
                "Not for children under 12, and do not use it if you have blood in the stool or a high temperature, have diarrhoea after antibiotics, " +
                "or have a flare of ulcerative colitis. Drink plenty of fluids to replace what is lost. " +
                "Never take more than the stated dose: overdose can cause serious heart rhythm problems.")),

        ["alginate-antacid"] = new(
            ActiveIngredients: ["sodium alginate", "sodium bicarbonate", "calcium carbonate"],
            BrandNames: ["Gaviscon", "Peptac"],
            Indications: ["heartburn", "indigestion", "acid reflux", "acid indigestion", "heartburn in pregnancy"],
            Leaflet: new(
                "Forms a soft raft on top of the stomach contents that keeps acid from rising into the food pipe, relieving heartburn and indigestion, " +
                "including in pregnancy.",
                "Adults and children 12 and over: 10–20 ml after meals and at bedtime, up to four times a day. Shake the bottle before use.",
                "It contains sodium and calcium: ask a doctor first if you are on a low-salt diet, have heart or kidney problems or high calcium. " +
                "Leave about 2 hours between it and other medicines, such as some antibiotics, iron and thyroid tablets. " +
                "See a doctor if symptoms last more than 7 days.")),

        ["lactulose"] = new(
            ActiveIngredients: ["lactulose"],
            BrandNames: ["Duphalac", "Kristalose"],
            Indications: ["constipation", "hard stools", "laxative", "constipation in pregnancy"],
            Leaflet: new(
                "An osmotic laxative that draws water into the bowel to soften stools and make them easier to pass.",
                "Adults: usually 15 ml twice a day at first, then adjusted to what keeps stools soft (often 15–30 ml a day). " +
                "It can take 2–3 days to work; drink plenty of fluids.",
                "Do not use it if you have a blocked bowel or galactosaemia. It contains some sugars, so take care if you have diabetes. " +
                "Wind and bloating are common at first. See a doctor if constipation does not improve, " +
                "or comes with blood in the stool, weight loss or a lasting change in bowel habit.")),

        ["mebeverine-135"] = new(
            ActiveIngredients: ["mebeverine"],
            BrandNames: ["Colofac", "Duspatalin"],
            Indications: ["irritable bowel syndrome", "ibs", "stomach cramps", "bloating", "tummy pain", "bowel spasms"],
            Leaflet: new(
                "Relaxes the muscle of the gut to ease the cramps, pain and bloating of irritable bowel syndrome (IBS).",
                "Adults: 1 tablet three times a day, ideally 20 minutes before meals.",
                "Sold without prescription only for IBS a doctor has already diagnosed. See a doctor before using it if you are over 40 " +
                "and the symptoms are new or changed, or if you have blood in your stool, weight loss, fever, vomiting, anaemia or pain on passing urine, " +
                "or are pregnant. See a doctor if it does not help within 2 weeks.")),

        // Heart & blood pressure
        ["amlodipine-5"] = new(
            ActiveIngredients: ["amlodipine"],
            BrandNames: ["Istin", "Norvasc"],
            Indications: ["high blood pressure", "hypertension", "angina", "chest pain"],
            Leaflet: new(
                "A calcium channel blocker that widens the blood vessels, used to lower high blood pressure and to prevent angina.",
                "As prescribed; usually 5 mg once a day, which may be raised to 10 mg.",
                "Not for people with very low blood pressure, shock, a severe narrowing of the aortic valve or unstable angina. " +
                "Swollen ankles, flushing and headache are common at first. Avoid large amounts of grapefruit juice; " +
                "some medicines (such as clarithromycin and simvastatin) interact, so tell your doctor what else you take.")),

        ["atorvastatin-20"] = new(
            ActiveIngredients: ["atorvastatin"],
            BrandNames: ["Lipitor"],
            Indications: ["cholesterol", "high cholesterol", "heart attack prevention", "stroke prevention", "heart disease"],
            Leaflet: new(
                "A statin that lowers LDL cholesterol and the risk of heart attack and stroke.",
                "As prescribed; usually 20 mg once a day to prevent heart disease, and up to 80 mg a day after a heart attack or stroke.",
                "Tell your doctor at once about unexplained muscle pain, tenderness or weakness. " +
                "Not for use in pregnancy or breastfeeding, or with active liver disease. " +
                "It interacts with several medicines (for example clarithromycin, ciclosporin, some HIV and hepatitis C drugs, and fusidic acid tablets); " +
                "avoid large amounts of grapefruit juice.")),

        ["ramipril-5"] = new(
            ActiveIngredients: ["ramipril"],
            BrandNames: ["Tritace", "Altace"],
            Indications: ["high blood pressure", "hypertension", "heart failure", "after a heart attack", "heart attack prevention", "kidney disease"],
            Leaflet: new(
                "An ACE inhibitor that lowers blood pressure and protects the heart and kidneys: used for high blood pressure, heart failure, after a heart attack " +
                "and to lower the risk of heart attack and stroke.",
                "As prescribed; usually started at 1.25–2.5 mg once a day and raised step by step, up to 10 mg once a day.",
                "Do not take it in pregnancy or if you have ever had angioedema; get emergency help if your face, lips, tongue or throat swell. " +
                "A dry cough and dizziness are common. Do not take it with sacubitril/valsartan; ask before using potassium supplements, " +
                "salt substitutes or NSAIDs such as ibuprofen.")),

        ["bisoprolol-5"] = new(
            ActiveIngredients: ["bisoprolol"],
            BrandNames: ["Cardicor", "Concor"],
            Indications: ["high blood pressure", "hypertension", "angina", "heart failure", "atrial fibrillation"],
            Leaflet: new(
                "A beta blocker that slows the heart and lowers its workload, used for high blood pressure, angina and heart failure.",
                "As prescribed; usually 5–10 mg once a day in the morning (no more than 20 mg). " +
                "For heart failure it is started at 1.25 mg and raised slowly.",
                "Do not stop it suddenly: that can make angina worse. Not for people with severe asthma, a very slow heart rate, some heart blocks, " +
                "uncontrolled heart failure or severe circulation problems in the hands and feet. " +
                "It can hide the warning signs of low blood sugar in diabetes. Verapamil and diltiazem should not be taken with it without advice.")),

        ["clopidogrel-75"] = new(
            ActiveIngredients: ["clopidogrel"],
            BrandNames: ["Plavix", "Iscover"],
            Indications: ["blood clots", "heart attack", "stroke", "stent", "peripheral arterial disease", "blood thinner"],
            Leaflet: new(
                "An antiplatelet medicine that stops blood cells sticking together, lowering the risk of clots after a heart attack, stroke or stent, " +
                "or in narrowed leg arteries.",
                "As prescribed; usually 75 mg once a day, sometimes after a larger first dose.",
                "Not for people who are bleeding (such as from a stomach ulcer or in the brain) or have severe liver disease. " +
                "You will bleed and bruise more easily: tell dentists and surgeons you take it, and report black stools or unusual bleeding. " +
                "Omeprazole and esomeprazole weaken its effect; NSAIDs and blood thinners raise the bleeding risk.")),

        // Diabetes
        ["metformin-500"] = new(
            ActiveIngredients: ["metformin"],
            BrandNames: ["Glucophage"],
            Indications: ["type 2 diabetes", "diabetes", "high blood sugar", "blood sugar"],
            Leaflet: new(
                "Lowers blood sugar in type 2 diabetes by reducing the sugar the liver releases and helping the body use insulin.",
                "As prescribed; usually 500 mg once a day with breakfast at first, raised over a few weeks to 500 mg two or three times a day with meals " +
                "(no more than 2 g a day in UK guidance, 3 g in the product licence).",
                "Rarely it causes lactic acidosis: get urgent help if you have severe vomiting, stomach pain, muscle cramps or fast breathing. " +
                "Not for people with severe kidney problems. Stop it for a while, on medical advice, if you are dehydrated or before surgery " +
                "or an X-ray with contrast dye. Limit alcohol. Stomach upset is common at first; long-term use can lower vitamin B12.")),

        ["gliclazide-80"] = new(
            ActiveIngredients: ["gliclazide"],
            BrandNames: ["Diamicron"],
            Indications: ["type 2 diabetes", "diabetes", "high blood sugar", "blood sugar"],
            Leaflet: new(
                "A sulfonylurea that makes the pancreas release more insulin, lowering blood sugar in type 2 diabetes.",
                "As prescribed; usually 40–80 mg a day with breakfast at first, adjusted up to 320 mg a day; doses above 160 mg are split into two.",
                "It can cause low blood sugar (shaking, sweating, confusion): eat regular meals, carry glucose and know the signs, especially before driving. " +
                "Not for type 1 diabetes, ketoacidosis, severe liver or kidney disease, pregnancy or breastfeeding. " +
                "Must not be taken with miconazole by mouth; alcohol and many other medicines change its effect.")),

        ["insulin-glargine-pen"] = new(
            ActiveIngredients: ["insulin glargine"],
            BrandNames: ["Lantus", "Abasaglar", "Semglee", "Basaglar", "Toujeo"],
            Indications: ["diabetes", "type 1 diabetes", "type 2 diabetes", "insulin", "basal insulin", "blood sugar"],
            Leaflet: new(
                "A long-acting (basal) insulin that keeps blood sugar steady for about a day, in type 1 and type 2 diabetes.",
                "As prescribed; injected under the skin once a day at the same time each day, the dose set for each person. " +
                "This pen is 100 units/ml; Toujeo is a stronger 300 units/ml glargine, so never switch between them without your diabetes team.",
                "Too much can cause low blood sugar: know the signs and carry glucose. Check the insulin name on every pen, never share a pen, " +
                "and change the injection spot each time. It is not for treating diabetic ketoacidosis. " +
                "Keep unopened pens in the fridge (not frozen); a pen in use can stay at room temperature, below 30 °C, for 4 weeks.")),

        // Antibiotics
        ["amoxicillin-500"] = new(
            ActiveIngredients: ["amoxicillin"],
            BrandNames: ["Amoxil"],
            Indications: ["chest infection", "pneumonia", "ear infection", "sinusitis", "throat infection", "urinary tract infection", "dental abscess"],
            Leaflet: new(
                "A penicillin antibiotic for bacterial infections of the chest, ears, sinuses, throat, teeth and urinary tract.",
                "As prescribed; usually 500 mg three times a day for 5–7 days, up to 1 g three times a day for severe infections. Finish the course.",
                "Do not take it if you are allergic to penicillin; get emergency help if you get a rash with swelling or difficulty breathing. " +
                "Tell your doctor if you have glandular fever (a rash is likely) or kidney problems, or take methotrexate or warfarin. " +
                "See a doctor if you get severe or bloody diarrhoea.")),

        ["doxycycline-100"] = new(
            ActiveIngredients: ["doxycycline"],
            BrandNames: ["Vibramycin", "Doryx"],
            Indications: ["chest infection", "pneumonia", "sinusitis", "acne", "rosacea", "lyme disease", "chlamydia", "malaria prevention"],
            Leaflet: new(
                "A tetracycline antibiotic for chest and sinus infections, skin conditions such as acne and rosacea, some sexually transmitted infections " +
                "and Lyme disease, and to prevent malaria.",
                "As prescribed; usually 200 mg on the first day, then 100 mg a day. Swallow with a full glass of water, sitting or standing, " +
                "and not just before lying down.",
                "Not for children under 12 or in pregnancy or breastfeeding (it can stain growing teeth). It makes the skin burn easily: avoid strong sun " +
                "and sunbeds. Antacids, iron, calcium and zinc reduce its effect, so take them 2–3 hours apart. " +
                "Tell your doctor if you take warfarin or have liver problems.")),

        ["clarithromycin-500"] = new(
            ActiveIngredients: ["clarithromycin"],
            BrandNames: ["Klaricid", "Biaxin"],
            Indications: ["chest infection", "pneumonia", "throat infection", "sinusitis", "skin infection", "penicillin allergy", "h. pylori"],
            Leaflet: new(
                "A macrolide antibiotic for chest, throat, sinus and skin infections, often used when someone is allergic to penicillin, " +
                "and with other medicines to clear H. pylori.",
                "As prescribed; usually 250–500 mg twice a day for 5–14 days. Finish the course.",
                "It interacts with many medicines: it must not be taken with simvastatin, lovastatin, ergotamine, ticagrelor, pimozide or domperidone, " +
                "among others, and needs care with atorvastatin, colchicine, warfarin and others, so tell your doctor everything you take. " +
                "Not for people with a heart rhythm problem (long QT) or low potassium. See a doctor if severe diarrhoea develops.")),

        ["nitrofurantoin-100"] = new(
            ActiveIngredients: ["nitrofurantoin"],
            BrandNames: ["Macrobid", "Macrodantin"],
            Indications: ["urinary tract infection", "uti", "cystitis", "bladder infection"],
            Leaflet: new(
                "An antibiotic that works in the bladder, used to treat uncomplicated urinary tract infections such as cystitis.",
                "As prescribed; usually one 100 mg modified-release capsule twice a day with food or milk for 3 days (women) or 7 days (men).",
                "Not for people with poor kidney function, G6PD deficiency or porphyria, at the end of pregnancy, or for babies under 3 months. " +
                "Urine may turn dark yellow or brown; this is harmless. Stop it and see a doctor if you become breathless, get a cough or chest pain, " +
                "or feel numbness or tingling. Magnesium trisilicate antacids reduce its effect.")),

        // Cough, cold & breathing
        ["salbutamol-inhaler"] = new(
            ActiveIngredients: ["salbutamol"],
            BrandNames: ["Ventolin", "ProAir", "Airomir", "Salamol"],
            Indications: ["asthma", "wheezing", "shortness of breath", "copd", "exercise-induced asthma", "reliever inhaler"],
            Leaflet: new(
                "A reliever inhaler that quickly opens the airways to ease wheeze, chest tightness and breathlessness in asthma and COPD.",
                "As prescribed; usually 1–2 puffs when needed, up to four times a day, and 2 puffs before exercise if it brings on symptoms.",
                "If you need it three or more times a week, or each dose helps for less than 3 hours, your asthma is not controlled: see your doctor. " +
                "In a severe attack that does not ease, call an ambulance. It can cause shaking, a fast heartbeat and headache. " +
                "Beta blockers such as propranolol can stop it working.")),

        ["beclometasone-inhaler-100"] = new(
            ActiveIngredients: ["beclometasone dipropionate"],
            BrandNames: ["Clenil Modulite", "Qvar"],
            Indications: ["asthma", "asthma prevention", "preventer inhaler", "wheezing", "inhaled steroid"],
            Leaflet: new(
                "A steroid preventer inhaler that calms inflammation in the airways, to prevent asthma symptoms and attacks. It does not relieve an attack.",
                "As prescribed; commonly 2 puffs (200 micrograms) twice a day, every day, even when you feel well. " +
                "Brands differ in strength (Qvar is about twice as strong as Clenil), so do not switch without your doctor.",
                "Use your reliever inhaler, not this one, in an attack. Rinse your mouth or brush your teeth after each use to prevent thrush and a hoarse voice. " +
                "Tell your doctor if you need your reliever more often. Long use at high doses may need a steroid card; tell your doctor about blurred vision.")),

        ["pseudoephedrine-60"] = new(
            ActiveIngredients: ["pseudoephedrine"],
            BrandNames: ["Sudafed", "Galpseud"],
            Indications: ["blocked nose", "stuffy nose", "nasal congestion", "sinus congestion", "catarrh", "cold"],
            Leaflet: new(
                "A decongestant that shrinks swollen blood vessels in the nose and sinuses, clearing a blocked nose from a cold, flu or hay fever.",
                "Adults and children 12 and over: 1 tablet every 4–6 hours, no more than 4 tablets in 24 hours; do not use for more than 7 days.",
                "Not for people with high blood pressure, heart disease, severe kidney problems, an overactive thyroid, glaucoma or phaeochromocytoma, " +
                "or who have taken an MAOI in the last 14 days. Do not take with other decongestants. " +
                "Ask first if you have diabetes or an enlarged prostate. Stop and get help at once if you get a sudden severe headache, " +
                "confusion, vision changes or stomach pain with bleeding.")),

        ["dextromethorphan-syrup"] = new(
            ActiveIngredients: ["dextromethorphan"],
            BrandNames: ["Benylin Dry Cough", "Robitussin", "Delsym"],
            Indications: ["cough", "dry cough", "tickly cough", "cold"],
            Leaflet: new(
                "A cough suppressant that quietens a dry, tickly cough (one that brings up no phlegm).",
                "Adults and children 12 and over: follow the pack; usually 5–10 ml (15–30 mg) every 6–8 hours, no more than 40 ml (120 mg) in 24 hours.",
                "Not for children under 12, a chesty cough with phlegm, or people with asthma attacks or breathing failure. " +
                "Do not take it with MAOIs or within 14 days of stopping them; take care with antidepressants such as sertraline (serotonin syndrome). " +
                "It may make you drowsy; avoid alcohol. See a doctor if the cough lasts more than 3 weeks or you cough up blood.")),

        // Skin
        ["hydrocortisone-1-cream"] = new(
            ActiveIngredients: ["hydrocortisone"],
            BrandNames: ["HC45", "Cortizone-10", "Cortaid"],
            Indications: ["eczema", "dermatitis", "contact dermatitis", "insect bites", "itchy skin", "skin rash", "irritated skin"],
            Leaflet: new(
                "A mild steroid cream that calms red, itchy and inflamed skin in eczema, contact and irritant dermatitis, and insect bites and stings.",
                "Adults and children 10 and over: apply thinly to the affected skin once or twice a day for up to 7 days.",
                "Without a doctor's advice, do not use it on the face, eyes, genital or anal area, on broken or infected skin " +
                "(such as cold sores, acne, athlete's foot or impetigo), on children under 10 or in pregnancy. " +
                "See a doctor if the skin has not improved after 7 days or gets worse.")),

        ["clotrimazole-1-cream"] = new(
            ActiveIngredients: ["clotrimazole"],
            BrandNames: ["Canesten", "Lotrimin"],
            Indications: ["athlete's foot", "ringworm", "fungal infection", "fungal nappy rash", "jock itch", "skin thrush"],
            Leaflet: new(
                "An antifungal cream for fungal skin infections: athlete's foot, ringworm, jock itch, fungal nappy rash and skin thrush.",
                "Apply thinly to the affected and surrounding skin two or three times a day. Keep using it for about 2 weeks after the skin looks clear " +
                "(usually 2–4 weeks in all) so the infection does not come back.",
                "Keep it away from the eyes and mouth. On the genital area it can weaken latex condoms and diaphragms. " +
                "See a doctor if there is no improvement after 7 days, if you have diabetes or a weak immune system, or if the skin is broken or bleeding.")),

        ["aciclovir-5-cream"] = new(
            ActiveIngredients: ["aciclovir"],
            BrandNames: ["Zovirax"],
            Indications: ["cold sores", "cold sore", "herpes labialis", "fever blisters"],
            Leaflet: new(
                "An antiviral cream that shortens and eases cold sores on the lips and face. It works best started at the first tingle or itch.",
                "Adults and children: apply to the sore five times a day, about every 4 hours while awake, for 5 days; " +
                "carry on for up to 5 more days if it has not healed.",
                "Only for cold sores on the lips and face: not for the eyes, inside the mouth or nose, or the genitals. " +
                "Wash your hands before and after and do not share it, to avoid spreading the virus. " +
                "See a doctor if the sores are severe or frequent, have not healed after 10 days, or your immune system is weak.")),

        ["emollient-cream"] = new(
            ActiveIngredients: ["white soft paraffin", "liquid paraffin"],
            BrandNames: ["Diprobase", "E45", "Cetraben"],
            Indications: ["dry skin", "eczema", "psoriasis", "dermatitis", "itchy skin", "moisturiser"],
            Leaflet: new(
                "A fragrance-free moisturiser that softens dry, flaky skin and helps it hold water, for daily care in eczema, psoriasis and other dry skin conditions.",
                "Apply as often as needed, and at least twice a day, smoothing it gently into the skin in the direction of hair growth; " +
                "also after washing and in place of soap.",
                "Paraffin soaks into clothing, dressings and bedding and makes them burn easily: keep away from naked flames and do not smoke. " +
                "It can make baths and showers slippery. Stop if the skin reacts, and see a doctor if it becomes infected (weeping, crusting or painful).")),

        ["benzoyl-peroxide-5-gel"] = new(
            ActiveIngredients: ["benzoyl peroxide"],
            BrandNames: ["Acnecide", "PanOxyl"],
            Indications: ["acne", "spots", "pimples", "blackheads", "whiteheads"],
            Leaflet: new(
                "An antibacterial gel that clears spots and prevents new ones in mild to moderate acne.",
                "Adults and children 12 and over: after washing, apply a thin layer to the affected area once a day, increasing to twice a day if tolerated. " +
                "It may take 4–6 weeks to see the full effect.",
                "Keep it away from the eyes, mouth, lips and broken skin. It bleaches hair, clothes, towels and bedding. " +
                "Dryness, redness and peeling are common at first: use it less often if so, and stop if the skin becomes very sore or swollen. " +
                "Avoid strong sun and sunbeds.")),

        ["fusidic-acid-2-cream"] = new(
            ActiveIngredients: ["fusidic acid"],
            BrandNames: ["Fucidin"],
            Indications: ["impetigo", "skin infection", "infected eczema", "infected cuts", "folliculitis"],
            Leaflet: new(
                "An antibiotic cream for small areas of skin infected with bacteria, such as impetigo or infected eczema.",
                "As prescribed; usually apply thinly three or four times a day for 5–7 days.",
                "Do not use it for longer than prescribed or again and again: the bacteria can become resistant. Keep it away from the eyes. " +
                "It contains ingredients such as cetyl alcohol that can irritate some skin. " +
                "See a doctor if the infection spreads, you get a fever, or there is no improvement after 7 days.")),

        // Vitamins & supplements
        ["vitamin-d3-1000"] = new(
            ActiveIngredients: ["colecalciferol"],
            BrandNames: ["Fultium-D3", "Stexerol-D3"],
            Indications: ["vitamin d deficiency", "bone health", "healthy bones", "muscle function", "winter supplement", "low vitamin d"],
            Leaflet: new(
                "Vitamin D3 helps the body absorb calcium and keeps bones, teeth and muscles healthy; useful in autumn and winter and for people who get little sun.",
                "Adults: 1 tablet (25 micrograms, 1,000 IU) a day with food. Do not take more than 100 micrograms (4,000 IU) a day in total unless a doctor advises.",
                "Do not take it if you have high calcium in the blood or urine, calcium kidney stones or severe kidney disease. " +
                "Ask a doctor first if you have sarcoidosis, take thiazide diuretics or digoxin, or already take another vitamin D product. " +
                "Too much over a long time can raise calcium levels.")),

        ["folic-acid-400"] = new(
            ActiveIngredients: ["folic acid"],
            BrandNames: [],
            Indications: ["pregnancy", "trying to conceive", "planning a pregnancy", "spina bifida prevention", "neural tube defects", "folate"],
            Leaflet: new(
                "Folic acid taken before and in early pregnancy lowers the risk of the baby having a neural tube defect such as spina bifida.",
                "Women: 1 tablet (400 micrograms) a day from when you start trying for a baby until the 12th week of pregnancy.",
                "Some women need a higher, prescribed dose (5 mg), for example with diabetes, epilepsy medicines, obesity or a previous pregnancy " +
                "affected by a neural tube defect: ask your doctor or midwife. It can hide vitamin B12 deficiency. " +
                "Ask first if you take epilepsy medicines or methotrexate.")),

        ["ferrous-sulfate-200"] = new(
            ActiveIngredients: ["ferrous sulfate"],
            BrandNames: ["Feosol", "Slow Fe"],
            Indications: ["anaemia", "anemia", "iron deficiency", "iron deficiency anaemia", "low iron", "tiredness"],
            Leaflet: new(
                "An iron supplement that prevents and treats iron-deficiency anaemia.",
                "Adults: usually 1 tablet a day (each gives 65 mg of iron); a doctor may advise taking it every other day or more often. " +
                "Take it with water or orange juice, not with tea, coffee or milk.",
                "Keep it well out of reach of children: an iron overdose can kill a child. Dark or black stools are normal; it may cause constipation " +
                "or an upset stomach. Take it 2 hours apart from antacids, levothyroxine and antibiotics such as doxycycline or ciprofloxacin. " +
                "Not for people with iron overload; a doctor should find the cause of the anaemia.")),

        ["vitamin-b12-1000"] = new(
            ActiveIngredients: ["cyanocobalamin"],
            BrandNames: [],
            Indications: ["vitamin b12 deficiency", "low b12", "vegan", "vegetarian", "tiredness"],
            Leaflet: new(
                "Vitamin B12 is needed for healthy blood and nerves. This supplement is for people who get too little from food, such as vegans.",
                "Adults: 1 tablet (1,000 micrograms) a day, with water.",
                "If you feel tired, breathless or have tingling, numbness or a sore tongue, see a doctor first: B12 deficiency should be diagnosed, " +
                "and some causes (such as pernicious anaemia) need injections rather than tablets. " +
                "Tell your doctor if you take metformin or acid-reducing medicines long term, which can lower B12.")),

        ["multivitamin"] = new(
            ActiveIngredients: ["retinol", "ascorbic acid", "colecalciferol", "tocopherol", "thiamine", "riboflavin", "pyridoxine", "cyanocobalamin",
                "folic acid", "iron", "zinc"],
            BrandNames: ["Centrum", "Sanatogen", "One A Day"],
            Indications: ["vitamins", "minerals", "daily supplement", "multivitamin", "dietary supplement"],
            Leaflet: new(
                "A daily supplement of vitamins and minerals for adults, to top up a diet that may fall short. It does not replace a balanced diet.",
                "Adults: 1 tablet a day with food and water. Do not take more than the stated dose.",
                "Do not take it with other supplements that contain vitamin A, vitamin D or iron without advice. " +
                "If you are pregnant or trying for a baby, use a pregnancy supplement instead: too much vitamin A can harm an unborn baby. " +
                "Keep out of reach of children, as it contains iron.")),

        // Mental health & sleep
        ["sertraline-50"] = new(
            ActiveIngredients: ["sertraline"],
            BrandNames: ["Lustral", "Zoloft"],
            Indications: ["depression", "anxiety", "panic attacks", "ocd", "obsessive compulsive disorder", "ptsd", "social anxiety"],
            Leaflet: new(
                "An SSRI antidepressant for depression, and for anxiety conditions such as panic disorder, OCD, PTSD and social anxiety.",
                "As prescribed; usually 50 mg once a day (25 mg for the first week for panic, PTSD and social anxiety), raised in 50 mg steps if needed to at most 200 mg a day. " +
                "It can take 2–6 weeks to work.",
                "Get help at once if you have thoughts of harming yourself, especially in the first weeks or if you are under 25. " +
                "Do not stop suddenly; your doctor will lower the dose slowly. Never take it with MAOIs or pimozide; " +
                "tramadol, triptans, St John's wort and some cough medicines can cause serotonin syndrome, and NSAIDs or blood thinners raise the bleeding risk.")),

        ["diazepam-5"] = new(
            ActiveIngredients: ["diazepam"],
            BrandNames: ["Valium"],
            Indications: ["anxiety", "severe anxiety", "muscle spasms", "alcohol withdrawal", "insomnia"],
            Leaflet: new(
                "A benzodiazepine for short-term relief of severe anxiety, for muscle spasms, for sleeplessness linked to anxiety, and in alcohol withdrawal.",
                "As prescribed; for anxiety usually 2 mg three times a day, sometimes more (up to 30 mg a day in divided doses), " +
                "for the shortest time possible, normally no more than 2–4 weeks.",
                "A controlled drug: dispensed in person only, never sold online. It can cause dependence: do not stop suddenly after regular use. " +
                "It causes drowsiness: do not drive, and do not drink alcohol; with opioids it can dangerously slow breathing. " +
                "Not for people with severe breathing problems, sleep apnoea, myasthenia gravis or severe liver disease.")),
    };
}
